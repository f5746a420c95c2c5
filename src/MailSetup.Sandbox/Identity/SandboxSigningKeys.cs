using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The tenant's token signing key: made on first use and kept with the tenant, so every part of
/// the sandbox that signs or checks tokens (this endpoint, Graph, Exchange, mail) agrees on it.
/// </summary>
public sealed class SandboxSigningKeys(SandboxTenant tenant, TimeProvider clock)
{
    private readonly object _gate = new();
    private string? _loadedKeyId;
    private RSA? _loaded;

    /// <summary>The <c>kid</c> tokens are signed with now (makes the key if the tenant has none).</summary>
    public string CurrentKeyId => Stored(create: true)!.KeyId;

    internal string Sign(JsonObject header, JsonObject payload)
    {
        var stored = Stored(create: true)!;
        header["kid"] = stored.KeyId;
        lock (_gate)
        {
            var key = Load(stored);
            return Jws.Encode(header, payload, data => key.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        }
    }

    /// <summary>True when <paramref name="token"/> is signed with the tenant's key named by its <c>kid</c>.</summary>
    internal bool Verify(JwsToken token)
    {
        var stored = Stored(create: false);
        if (stored is null || token.HeaderString("kid") != stored.KeyId || token.HeaderString("alg") != "RS256") return false;
        lock (_gate) return token.IsSignedBy(Load(stored));
    }

    /// <summary>The public key as a JSON Web Key Set, as <c>/discovery/v2.0/keys</c> publishes it.</summary>
    public JsonObject Jwks()
    {
        var stored = Stored(create: true)!;
        RSAParameters parameters;
        lock (_gate) parameters = Load(stored).ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = stored.KeyId,
                ["n"] = Base64Url.EncodeToString(parameters.Modulus),
                ["e"] = Base64Url.EncodeToString(parameters.Exponent),
            }),
        };
    }

    private SandboxSigningKey? Stored(bool create)
    {
        var stored = tenant.Read(s => s.SigningKey);
        if (stored is not null || !create) return stored;
        return tenant.Change(s => s.SigningKey ??= NewKey());
    }

    private SandboxSigningKey NewKey()
    {
        using var rsa = RSA.Create(2048);
        return new SandboxSigningKey
        {
            // Like Entra's kid: a short hash that names the key, not a secret.
            KeyId = Base64Url.EncodeToString(SHA1.HashData(rsa.ExportSubjectPublicKeyInfo())),
            PrivateKey = Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()),
            CreatedDateTime = clock.GetUtcNow(),
        };
    }

    /// <summary>The RSA object for <paramref name="stored"/>, parsed once per key. Call under the gate.</summary>
    private RSA Load(SandboxSigningKey stored)
    {
        if (_loaded is null || _loadedKeyId != stored.KeyId)
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(Convert.FromBase64String(stored.PrivateKey), out _);
            _loaded?.Dispose();
            (_loaded, _loadedKeyId) = (rsa, stored.KeyId);
        }
        return _loaded;
    }
}
