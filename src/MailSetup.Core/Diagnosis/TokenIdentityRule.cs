namespace MailSetup.Core.Diagnosis;

/// <summary>
/// The token must come from the expected tenant and app: a token from a test tenant or another app
/// logs in nowhere, and the claims show it at once.
/// </summary>
public sealed class TokenIdentityRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        var token = facts.Token;
        if (token is null) yield break;
        // A tenant given by domain name cannot be compared with tid, which is always the GUID.
        if (Guid.TryParse(facts.Tenant, out var tenant) && Guid.TryParse(token.TenantId, out var tid) && tenant != tid)
            yield return new Finding("token-tenant-mismatch", FindingSeverity.Error, $"tid={token.TenantId}",
                $"The token was issued by tenant {token.TenantId}, not by the mailbox's tenant {facts.Tenant}.",
                $"Request the token from https://{facts.CloudOrGlobal.Login.Name}/{facts.Tenant}/oauth2/v2.0/token.");
        if (facts.AppId is { } appId && token.AppId is { } tokenApp && !string.Equals(appId, tokenApp, StringComparison.OrdinalIgnoreCase))
            yield return new Finding("token-app-mismatch", FindingSeverity.Error, $"appid={tokenApp}",
                $"The token was issued to app {tokenApp}, not to the expected app {appId}: Exchange's service principal and mailbox permissions " +
                $"are for {appId}.",
                $"Request the token with client id {appId}, or register app {tokenApp} with Exchange instead.");
    }
}
