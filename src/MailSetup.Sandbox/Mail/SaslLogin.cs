using System.Text;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// A bearer-token SASL response, decoded: XOAUTH2 (<c>user=..^Aauth=Bearer ..^A^A</c>) or RFC 7628
/// OAUTHBEARER (GS2 header <c>n,a=user,</c> then <c>key=value</c> pairs ending in <c>^A^A</c>).
/// <see cref="ToString"/> never shows the token, and parse failures never quote the payload.
/// </summary>
internal sealed record SaslLogin(string Mechanism, string? User, string Token)
{
    public const string XOAuth2 = "XOAUTH2";
    public const string OAuthBearer = "OAUTHBEARER";

    public static bool IsBearerMechanism(string mechanism) =>
        mechanism.Equals(XOAuth2, StringComparison.OrdinalIgnoreCase) || mechanism.Equals(OAuthBearer, StringComparison.OrdinalIgnoreCase);

    /// <summary>Decodes a base64 client response; on failure, <paramref name="reason"/> says what was wrong without quoting it.</summary>
    public static bool TryParse(string mechanism, string base64, out SaslLogin login, out string reason)
    {
        login = null!;
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var length))
        {
            reason = "the SASL response is not base64";
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            reason = "the SASL response is not UTF-8";
            return false;
        }
        var upper = mechanism.ToUpperInvariant();
        var parsed = upper == OAuthBearer ? ParseOAuthBearer(text, out reason) : ParseXOAuth2(text, out reason);
        if (parsed is null) return false;
        login = parsed;
        return true;
    }

    private static SaslLogin? ParseXOAuth2(string text, out string reason)
    {
        string? user = null;
        string? token = null;
        foreach (var field in text.Split('\u0001'))
        {
            if (field.StartsWith("user=", StringComparison.Ordinal)) user = field[5..];
            else if (field.StartsWith("auth=", StringComparison.Ordinal)) token = Bearer(field[5..]);
        }
        return Complete(XOAuth2, user, token, out reason);
    }

    private static SaslLogin? ParseOAuthBearer(string text, out string reason)
    {
        var separator = text.IndexOf('\u0001');
        if (separator < 0)
        {
            reason = "the OAUTHBEARER response has no key/value pairs";
            return null;
        }
        // GS2 header (RFC 5801): channel-binding flag, optional a=authzid, then an empty field.
        var header = text[..separator].Split(',');
        if (header.Length < 2 || header[0] is not ("n" or "y"))
        {
            reason = header.Length > 0 && header[0].StartsWith("p=", StringComparison.Ordinal)
                ? "channel binding is not supported"
                : "the OAUTHBEARER GS2 header is malformed";
            return null;
        }
        var user = header[1].StartsWith("a=", StringComparison.Ordinal) ? header[1][2..].Replace("=2C", ",").Replace("=3D", "=") : null;
        string? token = null;
        foreach (var pair in text[(separator + 1)..].Split('\u0001'))
            if (pair.StartsWith("auth=", StringComparison.Ordinal)) token = Bearer(pair[5..]);
        return Complete(OAuthBearer, user, token, out reason);
    }

    private static string? Bearer(string value) =>
        value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value[7..].Trim() : null;

    private static SaslLogin? Complete(string mechanism, string? user, string? token, out string reason)
    {
        if (string.IsNullOrEmpty(token))
        {
            reason = $"the {mechanism} response has no 'auth=Bearer <token>'";
            return null;
        }
        reason = "";
        return new SaslLogin(mechanism, string.IsNullOrWhiteSpace(user) ? null : user.Trim(), token);
    }

    public override string ToString() => $"SaslLogin {{ {Mechanism} user={User} }}";
}
