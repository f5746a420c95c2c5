using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The secret that lets a person (or a test) approve device code sign-ins over HTTP on a served
/// sandbox. Whoever approves a code signs in as any sandbox user, the admin included, so the
/// endpoint must not be open to everyone who can reach the port. A credential of the local sandbox
/// only: it never leaves the process except in <c>sandbox serve</c>'s JSON line.
/// </summary>
public static class DeviceApprovalSecrets
{
    /// <summary>The form field or JSON property that carries the secret.</summary>
    public const string FieldName = "approval_secret";

    /// <summary>The header that may carry it instead (kept out of the request log like Authorization).</summary>
    public const string HeaderName = "X-Sandbox-Approval-Secret";

    /// <summary>Shortest secret accepted from a caller of the host (a made-up one is 43 characters).</summary>
    public const int MinimumLength = 16;

    /// <summary>A new secret: 32 random bytes as base64url, so it needs no escaping in a form, a URL or JSON.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="given"/> is <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string expected, string? given) =>
        given is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
