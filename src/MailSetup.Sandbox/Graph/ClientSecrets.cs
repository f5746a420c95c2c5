using System.Security.Cryptography;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// New client secrets in the shape Entra gives them (40 characters: three, a version digit, <c>Q~</c>,
/// then 34 more), so code that recognises or redacts secrets is tried on realistic ones.
/// </summary>
internal static class ClientSecrets
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const string Tail = Letters + "_-.~";

    public static string New() => RandomNumberGenerator.GetString(Letters, 3) + "8Q~" + RandomNumberGenerator.GetString(Tail, 34);

    /// <summary>What Graph shows of a secret afterwards: its first three characters.</summary>
    public static string HintOf(string secret) => secret[..3];
}
