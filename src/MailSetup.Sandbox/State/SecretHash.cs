using System.Security.Cryptography;
using System.Text;

namespace MailSetup.Sandbox.State;

/// <summary>How the sandbox keeps secrets and passwords: SHA-256 hex, compared in fixed time.</summary>
public static class SecretHash
{
    public static string Of(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(secret)), Encoding.ASCII.GetBytes(hash));
}
