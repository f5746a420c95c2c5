using System.Text;
using System.Text.Json;

namespace MailSetup.Core.Identity;

/// <summary>
/// The claims of a JWT access token, decoded WITHOUT checking its signature: for diagnostics, which
/// explain what a token says (audience, roles, scopes, expiry), never to decide whether to trust it.
/// </summary>
public sealed class JwtClaims
{
    private readonly JsonElement _payload;

    private JwtClaims(JsonElement header, JsonElement payload)
    {
        Header = header;
        _payload = payload;
    }

    public JsonElement Header { get; }

    /// <summary>The payload as JSON, for claims this class has no property for.</summary>
    public JsonElement Payload => _payload;

    public string? Audience => String("aud");
    public string? Issuer => String("iss");
    public string? TenantId => String("tid");

    /// <summary><c>appid</c> in v1 tokens (what Exchange and Graph get), <c>azp</c> in v2 ones.</summary>
    public string? AppId => String("appid") ?? String("azp");
    public string? ObjectId => String("oid");

    /// <summary>The signed-in user for delegated tokens; null for app-only ones.</summary>
    public string? UserPrincipalName => String("upn") ?? String("preferred_username") ?? String("unique_name");

    /// <summary>Application permissions (app-only tokens); empty when the token has no <c>roles</c> claim.</summary>
    public IReadOnlyList<string> Roles =>
        _payload.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray().Select(Text).ToList()
            : [];

    /// <summary>The template ids of the signed-in person's directory roles (<c>wids</c>); see <see cref="AdminRoles"/>.</summary>
    public IReadOnlyList<string> DirectoryRoleIds =>
        _payload.TryGetProperty("wids", out var wids) && wids.ValueKind == JsonValueKind.Array
            ? wids.EnumerateArray().Select(Text).ToList()
            : [];

    /// <summary>Delegated permissions (<c>scp</c>, space separated); empty for app-only tokens.</summary>
    public IReadOnlyList<string> Scopes => String("scp")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    public DateTimeOffset? IssuedAt => Time("iat");
    public DateTimeOffset? NotBefore => Time("nbf");
    public DateTimeOffset? ExpiresOn => Time("exp");

    public bool IsAppOnly => !_payload.TryGetProperty("scp", out _);

    public string? String(string name) =>
        _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? Text(value) : null;

    // A string as .NET text; anything else (a number in roles), or a string with an escaped lone surrogate that no
    // .NET string can hold, as written in the JSON rather than an exception.
    internal static string Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String) return value.GetRawText();
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText();
        }
    }

    /// <summary>Decodes <paramref name="token"/>; false when it is not a JWS compact token with JSON header and payload.</summary>
    public static bool TryDecode(string? token, out JwtClaims claims)
    {
        claims = null!;
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 3 }) return false;
        try
        {
            using var header = JsonDocument.Parse(Base64Url(parts[0]));
            using var payload = JsonDocument.Parse(Base64Url(parts[1]));
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object) return false;
            claims = new JwtClaims(header.RootElement.Clone(), payload.RootElement.Clone());
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>Decodes <paramref name="token"/> or says why it is not a JWT.</summary>
    public static JwtClaims Decode(string token) =>
        TryDecode(token, out var claims)
            ? claims
            : throw new FormatException("The token is not a JWT (three base64url parts with a JSON header and payload).");

    private DateTimeOffset? Time(string name) =>
        _payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
                && seconds is >= MinUnixSeconds and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    // The range DateTimeOffset can hold (years 1 to 9999); a claim outside it is treated as absent, not as a crash.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    private static byte[] Base64Url(string part) => System.Buffers.Text.Base64Url.DecodeFromChars(part);
}
