namespace MailSetup.Sandbox.State;

/// <summary>Everything the sandbox tenant holds; serialized as one JSON document between runs.</summary>
public sealed class TenantState
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;
    public required string TenantId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Verified domains; the first is the initial onmicrosoft.com domain.</summary>
    public List<string> Domains { get; set; } = [];

    /// <summary>Counter behind new object ids, so ids are deterministic for a given history.</summary>
    public long NextIdSequence { get; set; } = 1;

    public List<SandboxUser> Users { get; set; } = [];
    public List<SandboxGroup> Groups { get; set; } = [];
    public List<SandboxApplication> Applications { get; set; } = [];

    /// <summary>
    /// Apps registered in other tenants (Microsoft's public clients) that people here sign in with:
    /// the token endpoint knows them, Graph's /applications does not list them, as in Entra. Their
    /// service principals are in <see cref="ServicePrincipals"/>.
    /// </summary>
    public List<SandboxApplication> ExternalApplications { get; set; } = [];
    public List<SandboxServicePrincipal> ServicePrincipals { get; set; } = [];
    public List<SandboxAppRoleAssignment> AppRoleAssignments { get; set; } = [];
    public List<SandboxPermissionGrant> PermissionGrants { get; set; } = [];
    public ExchangeState Exchange { get; set; } = new();

    /// <summary>The token signing key; made on first use (the seed stays deterministic).</summary>
    public SandboxSigningKey? SigningKey { get; set; }

    /// <summary>Device code sign-ins not yet redeemed or expired.</summary>
    public List<SandboxDeviceCode> DeviceCodes { get; set; } = [];

    public string DefaultDomain => Domains[0];

    /// <summary>A new object id: a GUID derived from the tenant and a counter (deterministic, never reused).</summary>
    public string NewId()
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{TenantId}/{NextIdSequence++}"));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 shape, as Entra's ids look
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }
}
