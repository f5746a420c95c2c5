using System.Globalization;
using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>Short phrases for a plan's request, shared by the human-readable formats.</summary>
internal static class PlanDescriptions
{
    public static string App(AppTarget app) => app switch
    {
        AppTarget.New created => $"new app '{created.DisplayName}'",
        AppTarget.Existing adopted => $"existing app {adopted.AppId}",
        _ => app.ToString(),
    };

    public static string Credential(CredentialRequest credential) => credential switch
    {
        CredentialRequest.ClientSecret secret => $"client secret, {secret.LifetimeDays.ToString(CultureInfo.InvariantCulture)} days",
        CredentialRequest.None => "none (a public client: people sign in by device code)",
        CredentialRequest.Certificate certificate =>
            $"certificate (self-signed, {certificate.LifetimeDays.ToString(CultureInfo.InvariantCulture)} days)",
        _ => credential.ToString(),
    };

    public static string Scoping(MailboxScoping scoping) => scoping switch
    {
        MailboxScoping.Rbac rbac => $"Exchange RBAC for Applications, members of {rbac.Group}",
        MailboxScoping.AccessPolicy policy => $"application access policy (legacy), members of {policy.Group}",
        _ => "none (the app's permissions reach every mailbox it is granted)",
    };

    public static string Presets(SetupRequest request) => string.Join(",", request.Presets.Select(p => p.Name));

    public static string Permission(Permission permission) =>
        $"{permission.QualifiedName} ({permission.Kind.ToString().ToLowerInvariant()})";

    public static string Timestamp(DateTimeOffset time) => PlanDates.Timestamp(time);

    public static string Lower(Enum value) => value.ToString().ToLowerInvariant();

    /// <summary>A probe as a sentence: which read finds the step's result already present.</summary>
    public static string Probe(GraphProbe probe) =>
        $"{probe.Preview.Method} {Readable(probe.Preview.Url)} lists a {probe.Collection} item with "
        + string.Join(" and ", probe.Matches.Select(m => m.Comparison switch
        {
            ProbeComparison.StartsWith => $"{m.Property} starting with '{m.Value}'",
            ProbeComparison.After => $"{m.Property} after {m.Value}",
            ProbeComparison.Contains => $"{m.Property} containing '{m.Value}'",
            _ => $"{m.Property} = '{m.Value}'",
        }));

    /// <summary>An ownership check as a sentence: when the read stops the run.</summary>
    public static string Ownership(OwnershipCheck check) =>
        $"stops (nothing changed) when its {check.Collection} lists an app whose {check.KeyProperty} is not '{check.OwnKey}'";

    /// <summary>URLs for people: percent-escapes decoded (the wire keeps them).</summary>
    public static string Readable(string url) => Uri.UnescapeDataString(url);
}
