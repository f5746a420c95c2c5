using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Identity;

/// <summary>Compact JWS (three base64url parts) as the token endpoint writes and reads them.</summary>
internal static class Jws
{
    public static string Encode(JsonObject header, JsonObject payload, Func<byte[], byte[]> sign)
    {
        var signingInput = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." +
                           Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return signingInput + "." + Base64Url.EncodeToString(sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    public static bool TryDecode(string? token, out JwsToken decoded)
    {
        decoded = null!;
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 3 }) return false;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object) return false;
            decoded = new JwsToken(header.RootElement.Clone(), payload.RootElement.Clone(),
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}

/// <summary>A decoded, not yet verified, JWS.</summary>
internal sealed record JwsToken(JsonElement Header, JsonElement Payload, byte[] SigningInput, byte[] Signature)
{
    public string? HeaderString(string name) => Read(Header, name);
    public string? String(string name) => Read(Payload, name);

    /// <summary>A NumericDate claim. MSAL writes them as strings in client assertions, so both forms are read.</summary>
    public long? Seconds(string name)
    {
        if (!Payload.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
        return value.ValueKind == JsonValueKind.String &&
               long.TryParse(value.GetString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
                   out var text)
            ? text
            : null;
    }

    /// <summary>
    /// Checks the signature with <paramref name="key"/>. RS256 is what Entra signs with; PS256 is
    /// what MSAL signs client assertions with for Entra authorities, so both are accepted.
    /// </summary>
    public bool IsSignedBy(RSA key) => HeaderString("alg") switch
    {
        "RS256" => key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "PS256" => key.VerifyData(SigningInput, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => false,
    };

    private static string? Read(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
