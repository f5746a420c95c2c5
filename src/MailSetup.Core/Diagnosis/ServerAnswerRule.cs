using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Explains answers from servers other than Exchange (Dovecot and friends): the RFC 7628 / XOAUTH2
/// error challenge, a base64 JSON such as <c>{"status":"invalid_token","schemes":"bearer","scope":"..."}</c>,
/// is decoded; any other refusal is reported as it stands.
/// </summary>
public sealed partial class ServerAnswerRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        foreach (var raw in facts.Answers)
        {
            var line = raw.Trim();
            if (ExchangeAnswers.Match(line) is not null) continue;
            if (TryDecodeChallenge(line, out var challenge))
                yield return Challenge(line, challenge, facts);
            else if (Refusal().IsMatch(line))
                yield return new Finding("server-auth-rejected", FindingSeverity.Error, line,
                    "The server refused the login (or the command after it) with an answer this tool has no specific explanation for.",
                    "Check the token (mailsetup token inspect), that user= is the mailbox, and the server's log for the reason.");
        }
    }

    private static Finding Challenge(string line, OAuthChallenge challenge, DiagnosisFacts facts)
    {
        var evidence = $"{line} (decoded: {challenge.Json})";
        var scopeHint = challenge.Scope is null ? "" : $" The server wants scope '{challenge.Scope}'.";
        return challenge.Status switch
        {
            // XOAUTH2 servers (Google's convention, Dovecot) send the HTTP status "401" where
            // OAUTHBEARER (RFC 7628) says "invalid_token"; both mean the token itself was refused.
            "invalid_token" or "401" => new Finding("sasl-invalid-token", FindingSeverity.Error, evidence,
                "The server rejected the token itself: expired, a bad signature, a wrong audience or issuer, or a token for another user." +
                    scopeHint,
                $"Inspect the token (mailsetup token inspect) for exp, aud and the user; acquire a fresh one for {facts.MailboxOrPlaceholder}."),
            "insufficient_scope" => new Finding("sasl-insufficient-scope", FindingSeverity.Error, evidence,
                "The token is valid but lacks the scope the server requires." + scopeHint,
                "Request a token with the scope the server names, and consent to it."),
            var status => new Finding("sasl-error-challenge", FindingSeverity.Error, evidence,
                $"The server answered the SASL exchange with status '{status}'." + scopeHint,
                "Check the token and the SASL mechanism the client sends (XOAUTH2 or OAUTHBEARER)."),
        };
    }

    private sealed record OAuthChallenge(string Json, string Status, string? Scope);

    private static bool TryDecodeChallenge(string line, out OAuthChallenge challenge)
    {
        challenge = null!;
        // The challenge is the last word: "+ <b64>" (IMAP, POP) or "334 <b64>" (SMTP).
        var word = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (word is null || word.Length < 8) return false;
        var bytes = new byte[word.Length];
        if (!Convert.TryFromBase64String(word, bytes, out var length)) return false;
        try
        {
            var json = Encoding.UTF8.GetString(bytes, 0, length);
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String) return false;
            var scope = document.RootElement.TryGetProperty("scope", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            challenge = new OAuthChallenge(json, status.GetString() ?? "", scope);
            return true;
        }
        // InvalidOperationException: a string value with an escaped lone surrogate, which no .NET string can hold.
        catch (Exception e) when (e is JsonException or DecoderFallbackException or InvalidOperationException)
        {
            return false;
        }
    }

    // A tagged or untagged IMAP NO/BAD, a POP -ERR, or an SMTP 4xx/5xx reply. (A BYE is also the normal answer to
    // LOGOUT, so it is no refusal by itself; a probe that failed on one is explained by the login-failed rule.)
    [GeneratedRegex(@"^(\S+ (NO|BAD)\b|-ERR\b|[45]\d\d[ -])", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();
}
