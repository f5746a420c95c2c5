using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MailSetup.Testing.Dovecot;

/// <summary>
/// Mints HS256 JWTs that Dovecot's oauth2 passdb validates locally against <see cref="KeyFileBase64"/>,
/// plus the broken kinds the tests need (expired, wrong signature, another user).
/// </summary>
public sealed class TestTokenIssuer
{
    public const string Issuer = "https://issuer.test";
    public const string Audience = "https://outlook.office365.com";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _time;

    public TestTokenIssuer(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <summary>What Dovecot's key file holds: the standard base64 of the raw HMAC key.</summary>
    public string KeyFileBase64 => Convert.ToBase64String(_key);

    public string Good(string user) => Mint(user, _time.GetUtcNow().AddHours(1), _key);

    public string Expired(string user) => Mint(user, _time.GetUtcNow().AddMinutes(-10), _key);

    public string BadSignature(string user) => Mint(user, _time.GetUtcNow().AddHours(1), RandomNumberGenerator.GetBytes(32));

    /// <summary>A valid token, but with <paramref name="user"/> in its username claim.</summary>
    public string ForOtherUser(string user) => Good(user);

    private string Mint(string user, DateTimeOffset expires, byte[] key)
    {
        // iat must not lie in the future for Dovecot (no clock skew allowance): back-date it.
        var issued = Math.Min(_time.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds(), expires.AddMinutes(-30).ToUnixTimeSeconds());
        var header = Part(new { alg = "HS256", typ = "JWT" });
        var payload = Part(new { iss = Issuer, aud = Audience, sub = user, email = user, iat = issued, exp = expires.ToUnixTimeSeconds() });
        var signature = Base64Url(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string Part(object value) => Base64Url(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);
}
