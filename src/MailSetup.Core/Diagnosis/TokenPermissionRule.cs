using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// An app-only token needs the protocol's role (IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp),
/// a delegated one the protocol's scope (IMAP.AccessAsUser.All, POP.AccessAsUser.All, SMTP.Send).
/// Without a protocol in the facts, it says which protocols the token is good for.
/// </summary>
public sealed class TokenPermissionRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        var token = facts.Token;
        // A token for another resource is already explained; its permissions mean nothing to Exchange.
        if (token is null || !TokenAudiences.IsExchange(token.Audience, cloud: null)) yield break;

        if (facts.Protocol is { } protocol)
        {
            if (!Carries(token, protocol)) yield return Missing(facts, token, [protocol], FindingSeverity.Error);
            yield break;
        }
        var missing = Enum.GetValues<MailProtocol>().Where(p => !Carries(token, p)).ToList();
        if (missing.Count == 0) yield break;
        // Missing one protocol is fine when the token is meant for another; missing all is not.
        var severity = missing.Count == Enum.GetValues<MailProtocol>().Length ? FindingSeverity.Error : FindingSeverity.Info;
        yield return Missing(facts, token, missing, severity);
    }

    private static bool Carries(JwtClaims token, MailProtocol protocol) => token.IsAppOnly
        ? token.Roles.Contains(ExchangeFixes.Role(protocol), StringComparer.OrdinalIgnoreCase)
        : token.Scopes.Contains(ExchangeFixes.Scope(protocol), StringComparer.OrdinalIgnoreCase);

    private static Finding Missing(DiagnosisFacts facts, JwtClaims token, IReadOnlyList<MailProtocol> protocols, FindingSeverity severity)
    {
        var names = string.Join(", ", protocols.Select(p => p.ToString().ToUpperInvariant()));
        if (token.IsAppOnly)
        {
            var roles = protocols.Select(ExchangeFixes.Role).ToList();
            return new Finding("token-missing-role", severity, $"roles=[{string.Join(", ", token.Roles)}]",
                $"The app-only token does not carry {string.Join(", ", roles)}, so {names} will refuse it: " +
                "the application permission is not granted (admin consent) on Office 365 Exchange Online.",
                $"Grant the application permission {string.Join(", ", roles)} of Office 365 Exchange Online to app {facts.AppIdOrPlaceholder} and " +
                "give admin consent: " +
                $"POST /servicePrincipals/{{exchangeSpId}}/appRoleAssignedTo " +
                $"{{\"principalId\":\"{facts.ServicePrincipalOrPlaceholder}\",\"resourceId\":\"{{exchangeSpId}}\",\"appRoleId\":\"<role id>\"}}; " +
                "then request a new token.");
        }
        var scopes = protocols.Select(ExchangeFixes.Scope).ToList();
        var prefix = facts.CloudOrGlobal.DelegatedScopePrefix;
        return new Finding("token-missing-scope", severity, $"scp={string.Join(' ', token.Scopes)}",
            $"The delegated token does not carry {string.Join(", ", scopes)}, so {names} will refuse it.",
            $"Request {string.Join(' ', scopes.Select(s => prefix + s))} offline_access (consented for the user or the organisation: " +
            "POST /oauth2PermissionGrants).");
    }
}
