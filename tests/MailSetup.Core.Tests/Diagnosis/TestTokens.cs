using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Diagnosis;

/// <summary>Unsigned test JWTs built by hand: diagnosis reads claims and never checks signatures.</summary>
internal static class TestTokens
{
    public static DateTimeOffset Now { get; } = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    public static string Mint(object payload, string signature = "c2lnbmF0dXJl") =>
        $"{Part(new { alg = "RS256", typ = "JWT", kid = "test" })}.{Part(payload)}.{signature}";

    public static JwtClaims Claims(object payload) => JwtClaims.Decode(Mint(payload));

    public static JwtClaims AppOnly(string aud = "https://outlook.office365.com", string[]? roles = null, DateTimeOffset? exp = null) =>
        Claims(new Dictionary<string, object>
        {
            ["aud"] = aud,
            ["tid"] = Tenant,
            ["appid"] = AppId,
            ["oid"] = SpObjectId,
            ["roles"] = roles ?? ["IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp"],
            ["iat"] = Now.AddMinutes(-10).ToUnixTimeSeconds(),
            ["nbf"] = Now.AddMinutes(-10).ToUnixTimeSeconds(),
            ["exp"] = (exp ?? Now.AddMinutes(50)).ToUnixTimeSeconds(),
        });

    public static JwtClaims Delegated(string aud, string scp) =>
        Claims(new Dictionary<string, object>
        {
            ["aud"] = aud,
            ["tid"] = Tenant,
            ["appid"] = AppId,
            ["scp"] = scp,
            ["upn"] = "adele@contoso.com",
            ["exp"] = Now.AddMinutes(50).ToUnixTimeSeconds(),
        });

    public const string Tenant = "11111111-2222-3333-4444-555555555555";
    public const string AppId = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string SpObjectId = "bbbbbbbb-0000-0000-0000-000000000002";
    public const string AppObjectId = "cccccccc-0000-0000-0000-000000000003";
    public const string Mailbox = "support@contoso.onmicrosoft.com";

    /// <summary>Facts with every id known, so fixes show real ids.</summary>
    public static DiagnosisFacts Known { get; } = new(Now, AppId, SpObjectId, AppObjectId, Mailbox, Tenant);

    private static string Part(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
