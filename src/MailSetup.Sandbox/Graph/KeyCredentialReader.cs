using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Reads <c>keyCredentials</c> of a PATCH: each new entry's <c>key</c> is a certificate (base64 DER),
/// whose SHA-1 thumbprint is kept for client assertions (x5t); an entry without a key keeps the
/// existing credential of the same keyId. The list replaces the old one, as in Graph.
/// </summary>
internal static class KeyCredentialReader
{
    private const string Resource = "Application";

    public static List<SandboxKeyCredential> Read(JsonArray entries, IReadOnlyList<SandboxKeyCredential> existing, Func<string> newId)
    {
        var credentials = new List<SandboxKeyCredential>();
        foreach (var node in entries)
        {
            if (node is not JsonObject json) throw GraphException.InvalidProperty("keyCredentials", Resource);
            var entry = new GraphBody(json);
            var keyId = entry.String("keyId", Resource);
            var key = entry.String("key", Resource);
            if (key is null)
            {
                var kept = existing.FirstOrDefault(k => keyId is not null && DirectoryIds.SameId(k.KeyId, keyId));
                credentials.Add(kept ?? throw GraphException.InvalidProperty("keyCredentials", Resource));
                continue;
            }
            credentials.Add(New(entry, key, keyId, newId));
        }
        return credentials;
    }

    private static SandboxKeyCredential New(GraphBody entry, string key, string? keyId, Func<string> newId)
    {
        using var certificate = Certificate(key);
        var type = entry.String("type", Resource) ?? "AsymmetricX509Cert";
        var usage = entry.String("usage", Resource) ?? "Verify";
        if (type != "AsymmetricX509Cert" || usage is not ("Verify" or "Sign"))
            throw GraphException.InvalidProperty("keyCredentials", Resource);

        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        var start = entry.Date("startDateTime", Resource) ?? new DateTimeOffset(certificate.NotBefore.ToUniversalTime());
        var end = entry.Date("endDateTime", Resource) ?? notAfter;
        // Entra refuses a credential that outlives its certificate (a common slip when dates are typed in).
        if (end > notAfter.AddSeconds(1) || end <= start)
            throw GraphException.BadRequest("Key credential end date is invalid.");

        return new SandboxKeyCredential
        {
            KeyId = keyId is not null && Guid.TryParse(keyId, out var id) ? id.ToString() : newId(),
            DisplayName = entry.String("displayName", Resource) ?? certificate.Subject,
            Type = type,
            Usage = usage,
            Key = key,
            StartDateTime = start,
            EndDateTime = end,
            Thumbprint = certificate.Thumbprint,
        };
    }

    private static X509Certificate2 Certificate(string key)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key));
        }
        catch (Exception error) when (error is FormatException or CryptographicException)
        {
            throw GraphException.InvalidProperty("keyCredentials", Resource);
        }
    }
}
