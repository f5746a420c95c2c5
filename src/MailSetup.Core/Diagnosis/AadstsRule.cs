using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Explains an Entra token-endpoint error by its AADSTS code (FACTS.md's table), taken from the
/// error text ("AADSTS7000215: Invalid client secret provided...") or given as a bare code.
/// </summary>
public sealed partial class AadstsRule : IDiagnosisRule
{
    private sealed record Entry(FindingSeverity Severity, string Cause, Func<DiagnosisFacts, string> Fix);

    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (string.IsNullOrWhiteSpace(facts.ErrorText)) yield break;
        foreach (var code in Codes(facts.ErrorText).Distinct())
        {
            if (Entries.TryGetValue(code, out var entry))
                yield return new Finding($"aadsts-{code}", entry.Severity, Evidence(facts.ErrorText, code), entry.Cause, entry.Fix(facts),
                    $"AADSTS{code} in the Microsoft Entra error code reference");
            else
                yield return new Finding($"aadsts-{code}", FindingSeverity.Error, Evidence(facts.ErrorText, code),
                    $"Entra refused the token request with AADSTS{code}, a code this tool has no explanation for.",
                    "Read the error description after the code, and the app's sign-in log in the Entra admin center (Monitoring > Sign-in logs > " +
                    "Service principal sign-ins).");
        }
    }

    /// <summary>The codes this rule explains, for tests and documentation.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Entries.Keys;

    private static IEnumerable<string> Codes(string text)
    {
        var trimmed = text.Trim();
        if (BareCode().IsMatch(trimmed)) return [trimmed.TrimStart('A', 'D', 'S', 'T').Trim()];
        return CodeInText().Matches(text).Select(m => m.Groups[1].Value);
    }

    // The first line holding the code: descriptions carry trace and correlation ids on later lines.
    private static string Evidence(string text, string code) =>
        text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains(code, StringComparison.Ordinal)) ?? $"AADSTS{code}";

    [GeneratedRegex(@"^(AADSTS)?\d{5,7}$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"AADSTS(\d{5,7})\b")]
    private static partial Regex CodeInText();

    private static string Portal(DiagnosisFacts f, string blade) => $"Entra admin center > App registrations > {f.AppIdOrPlaceholder} > {blade}";

    private static string AddPassword(DiagnosisFacts f) =>
        $"POST /applications/{f.AppObjectIdOrPlaceholder}/addPassword " +
        $"{{\"passwordCredential\":{{\"displayName\":\"mailsetup\",\"endDateTime\":\"<date>\"}}}}";

    private static readonly FrozenDictionary<string, Entry> Entries = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        ["7000215"] = new(FindingSeverity.Error,
            "The client secret is invalid: most often the secret's ID was pasted instead of its Value.",
            f =>
                $"Use the secret's Value (shown once, when it was created), not its Secret ID ({Portal(f, "Certificates & secrets")}). " +
                $"If the value is lost, add a new secret: {AddPassword(f)}"),
        ["7000222"] = new(FindingSeverity.Error,
            "The client secret has expired.",
            f =>
                $"Add a new secret: {AddPassword(f)}, then remove the expired one; or move to a certificate (PATCH " +
                $"/applications/{f.AppObjectIdOrPlaceholder} with keyCredentials)."),
        ["700016"] = new(FindingSeverity.Error,
            "The application was not found in this tenant: the tenant or the client id is wrong (or the app was just created and has not " +
            "replicated yet).",
            f =>
                $"Check client id {f.AppIdOrPlaceholder} and tenant {f.TenantOrPlaceholder}: GET /applications?$filter=appId eq " +
                $"'{f.AppIdOrPlaceholder}' in that tenant must return the app; retry after a minute if it was just created."),
        ["90002"] = new(FindingSeverity.Error,
            "The tenant was not found: a typo in the tenant name or id, or the tenant lives in another cloud (GCC High, DoD, " +
            "China use other login hosts).",
            f =>
                $"Check tenant '{f.TenantOrPlaceholder}' (its GUID or verified domain) and the cloud: " +
                $"this request went to {f.CloudOrGlobal.Login.Name}; pass --cloud usgov-high, usgov-dod or china for a national cloud."),
        ["500011"] = new(FindingSeverity.Error,
            "The resource principal was not found in the tenant: the scope names a resource the tenant does not have (a wrong scope URL, " +
            "or Exchange Online's service principal missing).",
            f =>
                $"Ask for {f.CloudOrGlobal.ExchangeScope.Display}; check the resource exists: GET /servicePrincipals?$filter=appId eq " +
                "'00000002-0000-0ff1-ce00-000000000000'."),
        ["65001"] = new(FindingSeverity.Error,
            "Consent is missing: the app's permissions were never granted in this tenant.",
            f =>
                $"Grant admin consent: {Portal(f, "API permissions")} > Grant admin consent; or POST " +
                $"/servicePrincipals/{{resourceSpId}}/appRoleAssignedTo " +
                $"{{\"principalId\":\"{f.ServicePrincipalOrPlaceholder}\",\"resourceId\":\"{{resourceSpId}}\",\"appRoleId\":\"<role id>\"}} " +
                "(delegated: POST /oauth2PermissionGrants)."),
        ["70011"] = new(FindingSeverity.Error,
            "The scope is invalid for this flow.",
            f =>
                $"App-only: ask for exactly {f.CloudOrGlobal.ExchangeScope.Display}. " +
                $"Delegated: {f.CloudOrGlobal.DelegatedScopePrefix}IMAP.AccessAsUser.All (or POP.AccessAsUser.All, SMTP.Send) plus offline_access."),
        ["700022"] = new(FindingSeverity.Error,
            "The scope names more than one resource (e.g. a Graph and an Exchange scope); a token has one audience.",
            f =>
                $"Request one token per resource: for IMAP/POP/SMTP only {f.CloudOrGlobal.ExchangeScope.Display} (app-only) " +
                $"or {f.CloudOrGlobal.DelegatedScopePrefix}... scopes (delegated)."),
        ["7000218"] = new(FindingSeverity.Error,
            "The request carries no client secret or assertion; for device code this means \"Allow public client flows\" is off on the app.",
            f =>
                $"Device code: {Portal(f, "Authentication")} > Allow public client flows = Yes, or PATCH " +
                $"/applications/{f.AppObjectIdOrPlaceholder} {{\"isFallbackPublicClient\":true}}. Client credentials: " +
                "send the secret or certificate."),
        ["700025"] = new(FindingSeverity.Error,
            "A public client (device code) sent a client secret.",
            f =>
                "Do not send a secret with device code; or, if the app is meant to be confidential, " +
                $"PATCH /applications/{f.AppObjectIdOrPlaceholder} {{\"isFallbackPublicClient\":false}}."),
        ["700027"] = new(FindingSeverity.Error,
            "The certificate assertion's signature is invalid: the private key does not match a certificate registered on the app (or the " +
            "thumbprint in the assertion is wrong).",
            f =>
                $"Upload the certificate's public part: PATCH /applications/{f.AppObjectIdOrPlaceholder} with keyCredentials " +
                $"({Portal(f, "Certificates & secrets")}), and sign with the matching private key."),
        ["50076"] = MfaRequired(),
        ["50079"] = MfaRequired(),
        ["50126"] = new(FindingSeverity.Error,
            "Wrong username or password (ROPC).",
            _ => "Check the user's UPN and password; better, use device code sign-in (ROPC is not recommended)."),
        ["53003"] = new(FindingSeverity.Error,
            "Blocked by Conditional Access.",
            f =>
                $"Entra admin center > Sign-in logs: find the policy that blocked app {f.AppIdOrPlaceholder}; " +
                "sign in from an allowed location/device or have the policy exclude this app or account."),
        ["50194"] = new(FindingSeverity.Error,
            "A single-tenant app was used with the /common (or /organizations) endpoint.",
            f => $"Use the tenant in the authority: https://{f.CloudOrGlobal.Login.Name}/{f.TenantOrPlaceholder}/oauth2/v2.0/token."),
        ["70016"] = new(FindingSeverity.Info,
            "Device code: the user has not finished signing in yet (authorization pending). This is normal while polling.",
            _ => "Nothing to fix: keep polling at the given interval until the user completes the sign-in or the code expires."),
        ["700082"] = new(FindingSeverity.Error,
            "The refresh token expired through inactivity.",
            _ => "Sign in again (device code) to get a new refresh token; use it regularly so it does not expire."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static Entry MfaRequired() => new(FindingSeverity.Error,
        "Multi-factor authentication is required, and ROPC (password grant) cannot do it.",
        _ => "Use device code sign-in (delegated) or client credentials (app-only) instead of the password grant.");
}
