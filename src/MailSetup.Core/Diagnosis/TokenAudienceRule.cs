namespace MailSetup.Core.Diagnosis;

/// <summary>
/// IMAP, POP and SMTP accept only tokens for the Exchange resource. A Graph token is the classic
/// mistake, and a delegated Exchange scope asked for with Graph's prefix yields one.
/// </summary>
public sealed class TokenAudienceRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        var token = facts.Token;
        if (token is null) yield break;
        var audience = token.Audience;
        if (TokenAudiences.IsExchange(audience, facts.Cloud)) yield break;

        var cloud = facts.CloudOrGlobal;
        if (TokenAudiences.IsGraph(audience))
        {
            var exchangeScopes = token.Scopes.Where(s => s.Contains("IMAP.", StringComparison.OrdinalIgnoreCase)
                || s.Contains("POP.", StringComparison.OrdinalIgnoreCase) || s.StartsWith("SMTP.", StringComparison.OrdinalIgnoreCase)).ToList();
            if (exchangeScopes.Count > 0)
            {
                yield return new Finding("token-graph-prefixed-scope", FindingSeverity.Error,
                    $"aud={audience}, scp={string.Join(' ', token.Scopes)}",
                    "The delegated mail scopes were requested with Graph's prefix (https://graph.microsoft.com/IMAP.AccessAsUser.All), " +
                    "which gives a Graph token that Exchange rejects.",
                    $"Request {string.Join(' ', exchangeScopes.Select(s => cloud.DelegatedScopePrefix + s))} offline_access instead.");
                yield break;
            }
            yield return new Finding("token-graph-audience", FindingSeverity.Error, $"aud={audience}",
                "This is a Microsoft Graph token; IMAP, POP and SMTP accept only tokens for Exchange Online.",
                token.IsAppOnly
                    ? $"Request the token with scope {cloud.ExchangeScope.Display}."
                    : $"Request the token with scopes {cloud.DelegatedScopePrefix}IMAP.AccessAsUser.All (or POP.AccessAsUser.All, SMTP.Send) " +
                        "offline_access.");
            yield break;
        }
        var other = TokenAudiences.IsExchange(audience, cloud: null);
        yield return new Finding(other ? "token-cloud-audience" : "token-wrong-audience", FindingSeverity.Error, $"aud={audience ?? "(none)"}",
            other
                ? $"The token is for another cloud's Exchange; the mailbox is in {cloud.DisplayName}."
                : "The token is not for Exchange Online, so IMAP, POP and SMTP reject it.",
            $"Request the token with scope {cloud.ExchangeScope.Display} (app-only) or {cloud.DelegatedScopePrefix}IMAP.AccessAsUser.All " +
            "(delegated).");
    }
}
