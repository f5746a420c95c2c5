using System.Text.Json;

namespace MailSetup.Core.Mail.Sasl;

/// <summary>
/// The JSON a server sends in the SASL error round (RFC 7628 section 3.2.2; XOAUTH2 uses the same shape),
/// kept for diagnosis because it is often the only hint of why a token was refused.
/// </summary>
public sealed record SaslErrorChallenge(string Json, string? Status, string? Schemes, string? Scope)
{
    /// <summary>Decodes a base64 challenge; the raw text is kept even when it is not JSON.</summary>
    public static SaslErrorChallenge FromBase64(string base64)
    {
        string text;
        try
        {
            text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.Trim()));
        }
        catch (FormatException)
        {
            return new SaslErrorChallenge(base64, null, null, null);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return new SaslErrorChallenge(text, null, null, null);
            return new SaslErrorChallenge(text, Field(doc.RootElement, "status"), Field(doc.RootElement, "schemes"), Field(doc.RootElement, "scope"));
        }
        catch (JsonException)
        {
            return new SaslErrorChallenge(text, null, null, null);
        }
    }

    private static string? Field(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind != JsonValueKind.String) return value.GetRawText();
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no string .NET can hold: keep it as sent.
            return value.GetRawText();
        }
    }
}
