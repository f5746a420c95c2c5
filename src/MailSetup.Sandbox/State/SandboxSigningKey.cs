namespace MailSetup.Sandbox.State;

/// <summary>
/// The key the sandbox's token endpoint signs with (RSA, PKCS#8). It is kept with the tenant so
/// tokens stay valid when the sandbox restarts, as Entra's do, and so every part of the sandbox
/// that checks tokens finds it through the tenant. It signs sandbox tokens only: nothing outside
/// the sandbox trusts it.
/// </summary>
public sealed class SandboxSigningKey
{
    /// <summary>The <c>kid</c> that token headers and the JWKS name.</summary>
    public required string KeyId { get; set; }

    /// <summary>PKCS#8 private key, base64.</summary>
    public required string PrivateKey { get; set; }

    public DateTimeOffset CreatedDateTime { get; set; }
}
