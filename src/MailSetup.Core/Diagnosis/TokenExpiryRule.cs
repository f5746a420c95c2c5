namespace MailSetup.Core.Diagnosis;

/// <summary>An expired token is refused; one expiring within five minutes will be, mid-session.</summary>
public sealed class TokenExpiryRule : IDiagnosisRule
{
    public static TimeSpan Soon { get; } = TimeSpan.FromMinutes(5);

    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        var token = facts.Token;
        if (token is null) yield break;
        if (token.ExpiresOn is { } expires)
        {
            var evidence = $"exp={expires.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
            if (expires <= facts.Now)
                yield return new Finding("token-expired", FindingSeverity.Error, evidence,
                    $"The token expired {RelativeTime.Describe(expires, facts.Now)}.",
                    "Acquire a new token (tokens live about an hour; refresh or re-request before each session).");
            else if (expires - facts.Now <= Soon)
                yield return new Finding("token-expiring", FindingSeverity.Warning, evidence,
                    $"The token expires {RelativeTime.Describe(expires, facts.Now)}: a session may be cut off (BYE AccessTokenExpired).",
                    "Acquire a fresh token before starting the session.");
        }
        if (token.NotBefore is { } notBefore && notBefore > facts.Now + Soon)
            yield return new Finding("token-not-yet-valid", FindingSeverity.Error, $"nbf={notBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z",
                $"The token is not valid until {RelativeTime.Describe(notBefore, facts.Now)}: this machine's clock or the issuer's is off.",
                "Synchronise this machine's clock (NTP) and request a new token.");
    }
}
