namespace MailSetup.Sandbox.State;

// The sandbox tenant as plain data. Names and shapes follow Microsoft Graph v1.0 (camelCase in JSON)
// so endpoints can answer with them directly. Client secrets are kept only as SHA-256 hashes: a
// state file never holds a secret.

/// <summary>A user or shared mailbox, with its Exchange CAS flags.</summary>
public sealed class SandboxUser
{
    public required string Id { get; set; }
    public required string UserPrincipalName { get; set; }
    public required string DisplayName { get; set; }
    public required string Mail { get; set; }

    /// <summary><c>UserMailbox</c> or <c>SharedMailbox</c>, as Exchange's RecipientTypeDetails says.</summary>
    public string RecipientTypeDetails { get; set; } = "UserMailbox";
    public bool AccountEnabled { get; set; } = true;
    public bool ImapEnabled { get; set; } = true;
    public bool PopEnabled { get; set; } = true;

    /// <summary>Per-mailbox SMTP AUTH switch; null follows the tenant's transport config, as in Exchange.</summary>
    public bool? SmtpClientAuthenticationDisabled { get; set; }

    /// <summary>SHA-256 of the password for ROPC sign-ins; null means the user cannot sign in with a password.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>When on, a password sign-in (ROPC) fails with AADSTS50076, as MFA does.</summary>
    public bool MfaRequired { get; set; }

    /// <summary>Entra directory roles held (e.g. Global Administrator) for the signed-in admin.</summary>
    public List<string> DirectoryRoles { get; set; } = [];
}

/// <summary>A group; mail-enabled security groups scope RBAC and access policies.</summary>
public sealed class SandboxGroup
{
    public required string Id { get; set; }
    public required string DisplayName { get; set; }
    public string? Mail { get; set; }
    public bool MailEnabled { get; set; }
    public bool SecurityEnabled { get; set; }
    public List<string> MemberIds { get; set; } = [];

    /// <summary>Exchange's distinguished name of the group, which management scope filters name.</summary>
    public required string DistinguishedName { get; set; }
}

public sealed class SandboxResourceAccess
{
    public required string Id { get; set; }
    public required string Type { get; set; }
}

public sealed class SandboxRequiredResourceAccess
{
    public required string ResourceAppId { get; set; }
    public List<SandboxResourceAccess> ResourceAccess { get; set; } = [];
}

public sealed class SandboxPasswordCredential
{
    public required string KeyId { get; set; }
    public string? DisplayName { get; set; }
    public DateTimeOffset StartDateTime { get; set; }
    public DateTimeOffset EndDateTime { get; set; }

    /// <summary>First three characters of the secret, as Graph shows them.</summary>
    public string? Hint { get; set; }

    /// <summary>SHA-256 (hex) of the secret; the secret itself is returned once and never stored.</summary>
    public required string SecretHash { get; set; }
}

public sealed class SandboxKeyCredential
{
    public required string KeyId { get; set; }
    public string? DisplayName { get; set; }
    public string Type { get; set; } = "AsymmetricX509Cert";
    public string Usage { get; set; } = "Verify";

    /// <summary>The public certificate (DER), base64.</summary>
    public required string Key { get; set; }
    public DateTimeOffset StartDateTime { get; set; }
    public DateTimeOffset EndDateTime { get; set; }

    /// <summary>SHA-1 thumbprint (hex, upper case) that client assertions name in x5t.</summary>
    public string? Thumbprint { get; set; }
}

/// <summary>An app registration.</summary>
public sealed class SandboxApplication
{
    public required string Id { get; set; }
    public required string AppId { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>The client-provided alternate key (Graph's <c>uniqueName</c>): unique in the tenant, set only when created by upsert.</summary>
    public string? UniqueName { get; set; }

    public string SignInAudience { get; set; } = "AzureADMyOrg";
    public bool? IsFallbackPublicClient { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public List<SandboxRequiredResourceAccess> RequiredResourceAccess { get; set; } = [];
    public List<SandboxPasswordCredential> PasswordCredentials { get; set; } = [];
    public List<SandboxKeyCredential> KeyCredentials { get; set; } = [];
}

public sealed class SandboxAppRole
{
    public required string Id { get; set; }
    public required string Value { get; set; }
    public string DisplayName { get; set; } = "";
    public List<string> AllowedMemberTypes { get; set; } = ["Application"];
}

public sealed class SandboxPermissionScope
{
    public required string Id { get; set; }
    public required string Value { get; set; }
    public string AdminConsentDisplayName { get; set; } = "";
    public string Type { get; set; } = "User";
}

/// <summary>A service principal (enterprise app): ours, or a resource such as Exchange Online.</summary>
public sealed class SandboxServicePrincipal
{
    public required string Id { get; set; }
    public required string AppId { get; set; }
    public required string DisplayName { get; set; }
    public List<SandboxAppRole> AppRoles { get; set; } = [];
    public List<SandboxPermissionScope> Oauth2PermissionScopes { get; set; } = [];

    /// <summary>Built-in resources (Exchange Online, Microsoft Graph) cannot be deleted.</summary>
    public bool BuiltIn { get; set; }
}

/// <summary>Admin consent for one application permission.</summary>
public sealed class SandboxAppRoleAssignment
{
    public required string Id { get; set; }
    public required string PrincipalId { get; set; }
    public required string ResourceId { get; set; }
    public required string AppRoleId { get; set; }
    public string PrincipalDisplayName { get; set; } = "";
    public string ResourceDisplayName { get; set; } = "";
    public string PrincipalType { get; set; } = "ServicePrincipal";
    public DateTimeOffset CreatedDateTime { get; set; }
}

/// <summary>Delegated consent (oauth2PermissionGrant).</summary>
public sealed class SandboxPermissionGrant
{
    public required string Id { get; set; }
    public required string ClientId { get; set; }
    public required string ConsentType { get; set; }
    public required string ResourceId { get; set; }
    public string Scope { get; set; } = "";
    public string? PrincipalId { get; set; }
}
