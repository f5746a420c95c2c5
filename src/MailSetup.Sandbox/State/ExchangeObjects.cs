namespace MailSetup.Sandbox.State;

// Exchange Online's side of the tenant, as the cmdlets the plans use see it. Property names follow
// the cmdlets' output (PascalCase), as the admin API answers them.

/// <summary>An app registered with New-ServicePrincipal. Exchange does not check ObjectId; logins do.</summary>
public sealed class ExchangeServicePrincipal
{
    public required string Identity { get; set; }
    public required string AppId { get; set; }
    public required string ObjectId { get; set; }
    public string DisplayName { get; set; } = "";
}

/// <summary>Add-MailboxPermission: <see cref="User"/> is the trustee as given (an SP object id or a UPN).</summary>
public sealed class ExchangeMailboxPermission
{
    public required string Identity { get; set; }
    public required string User { get; set; }
    public List<string> AccessRights { get; set; } = [];
}

/// <summary>Add-RecipientPermission (SendAs).</summary>
public sealed class ExchangeRecipientPermission
{
    public required string Identity { get; set; }
    public required string Trustee { get; set; }
    public List<string> AccessRights { get; set; } = [];
}

public sealed class ExchangeManagementScope
{
    public required string Name { get; set; }
    public required string RecipientRestrictionFilter { get; set; }
}

public sealed class ExchangeManagementRoleAssignment
{
    public required string Name { get; set; }
    public required string App { get; set; }
    public required string Role { get; set; }
    public string? CustomResourceScope { get; set; }
}

public sealed class ExchangeApplicationAccessPolicy
{
    public required string Identity { get; set; }
    public required string AppId { get; set; }
    public required string PolicyScopeGroupId { get; set; }
    public required string AccessRight { get; set; }
    public string Description { get; set; } = "";
}

public sealed class ExchangeState
{
    /// <summary>Get-TransportConfig SmtpClientAuthenticationDisabled: true for tenants created after January 2020.</summary>
    public bool SmtpClientAuthenticationDisabled { get; set; } = true;
    public List<ExchangeServicePrincipal> ServicePrincipals { get; set; } = [];
    public List<ExchangeMailboxPermission> MailboxPermissions { get; set; } = [];
    public List<ExchangeRecipientPermission> RecipientPermissions { get; set; } = [];
    public List<ExchangeManagementScope> ManagementScopes { get; set; } = [];
    public List<ExchangeManagementRoleAssignment> ManagementRoleAssignments { get; set; } = [];
    public List<ExchangeApplicationAccessPolicy> ApplicationAccessPolicies { get; set; } = [];
}
