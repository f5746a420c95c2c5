using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>How a client proved who it is; becomes the token's <c>appidacr</c>.</summary>
internal enum ClientProof
{
    /// <summary>A public client: no proof (appidacr 0).</summary>
    None = 0,
    Secret = 1,
    Certificate = 2,
}

/// <summary>The app that asked for a token, its service principal in the tenant, and its proof.</summary>
internal sealed record AuthenticatedClient(SandboxApplication Application, SandboxServicePrincipal ServicePrincipal, ClientProof Proof);
