using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;

namespace MailSetupTui.Cli;

/// <summary>What <c>token inspect</c> found: the decoded claims and the findings, for one renderer.</summary>
internal sealed record TokenInspection(
    JwtClaims Claims,
    IReadOnlyList<MailProtocol> Protocols,
    IReadOnlyList<Finding> Findings,
    DateTimeOffset Now)
{
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);

    public string Kind => Claims.IsAppOnly ? "app-only" : "delegated";

    /// <summary>The claims shown, in reading order, by the name a person searches the token for.</summary>
    public IReadOnlyList<(string Name, string? Value)> ScalarClaims =>
    [
        ("aud", Claims.Audience),
        ("iss", Claims.Issuer),
        ("tid", Claims.TenantId),
        (Claims.String("appid") is null && Claims.String("azp") is not null ? "azp" : "appid", Claims.AppId),
        ("oid", Claims.ObjectId),
        ("upn", Claims.UserPrincipalName),
    ];

    public IReadOnlyList<(string Name, DateTimeOffset? Value)> Times =>
        [("iat", Claims.IssuedAt), ("nbf", Claims.NotBefore), ("exp", Claims.ExpiresOn)];

    public string Describe(DateTimeOffset time) => $"{time.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z ({RelativeTime.Describe(time, Now)})";
}
