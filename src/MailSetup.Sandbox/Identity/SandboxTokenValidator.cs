using MailSetup.Core.Identity;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>Why a token was refused.</summary>
public enum SandboxTokenFailure
{
    Malformed,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    NotYetValid,
    Expired,
}

/// <summary>The outcome of <see cref="SandboxTokenValidator.Validate"/>: the claims, or why not.</summary>
public sealed record SandboxTokenValidation(JwtClaims? Claims, SandboxTokenFailure? Failure, string? Reason)
{
    public bool IsValid => Failure is null;
}

/// <summary>
/// What a resource (the sandbox's Graph, Exchange admin API, IMAP/POP/SMTP) checks before it trusts
/// an access token: the tenant's signature, the issuer <c>https://sts.windows.net/{tid}/</c>, the
/// lifetime by the sandbox clock, and that the token is for this resource. Roles and scopes are the
/// caller's business: <see cref="JwtClaims"/> has them.
/// </summary>
public sealed class SandboxTokenValidator(SandboxTenant tenant, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? tenant.Clock;
    private readonly SandboxSigningKeys _keys = new(tenant, clock ?? tenant.Clock);

    /// <param name="token">The bearer token (without the <c>Bearer </c> prefix).</param>
    /// <param name="audiences">The resource's identifiers, e.g. <c>https://outlook.office365.com</c> and <c>https://outlook.office.com</c>.</param>
    public SandboxTokenValidation Validate(string? token, params IEnumerable<string> audiences)
    {
        if (!Jws.TryDecode(token, out var jws) || !JwtClaims.TryDecode(token, out var claims))
            return Refuse(SandboxTokenFailure.Malformed, "not a JWT");
        if (!_keys.Verify(jws))
            return Refuse(SandboxTokenFailure.BadSignature, "the signature does not verify with the tenant's signing key");
        if (claims.Issuer != TokenMinter.Issuer(tenant.TenantId))
            return Refuse(SandboxTokenFailure.WrongIssuer, $"issued by '{claims.Issuer}', not this tenant");

        var wanted = audiences.Select(a => a.TrimEnd('/')).ToList();
        if (claims.Audience is null || !wanted.Contains(claims.Audience.TrimEnd('/'), StringComparer.OrdinalIgnoreCase))
            return Refuse(SandboxTokenFailure.WrongAudience,
                $"the token is for '{claims.Audience}', not {string.Join(" or ", wanted.Select(a => $"'{a}'"))}");

        var now = _clock.GetUtcNow();
        if (claims.NotBefore is { } notBefore && now < notBefore)
            return Refuse(SandboxTokenFailure.NotYetValid, $"the token is valid from {notBefore:u}");
        if (claims.ExpiresOn is not { } expires || expires <= now)
            return Refuse(SandboxTokenFailure.Expired, $"the token expired at {claims.ExpiresOn:u}");

        return new(claims, null, null);
    }

    private static SandboxTokenValidation Refuse(SandboxTokenFailure failure, string reason) => new(null, failure, reason);
}
