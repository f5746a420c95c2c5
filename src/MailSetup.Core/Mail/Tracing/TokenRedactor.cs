using System.Globalization;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Mail.Tracing;

/// <summary>
/// Turns an access token into a description safe for traces: what it is for and when it ends, never its text.
/// </summary>
public static class TokenRedactor
{
    public static string Describe(string token)
    {
        // The claims are decoded without validation: we only explain the token, we never trust it.
        if (!JwtClaims.TryDecode(token, out var claims)) return "<token redacted>";
        var aud = claims.Audience ?? AudienceArray(claims) ?? "?";
        var exp = claims.ExpiresOn?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "?";
        return $"<token redacted: aud={aud} exp={exp}>";
    }

    private static string? AudienceArray(JwtClaims claims) =>
        claims.Payload.TryGetProperty("aud", out var aud) && aud.ValueKind == System.Text.Json.JsonValueKind.Array
            ? string.Join(",", aud.EnumerateArray().Select(JwtClaims.Text))
            : null;
}
