namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// How to ask Exchange whether a create cmdlet's result exists already, so a re-run changes
/// nothing: the matching Get- cmdlet, its parameters taken from the create cmdlet's, and filters
/// on the answer's properties. Keyed by the create cmdlet's name.
/// </summary>
internal static class PowerShellExchangeProbes
{
    public static IReadOnlyDictionary<string, ExchangeProbe> ByCmdlet { get; } = new Dictionary<string, ExchangeProbe>(StringComparer.OrdinalIgnoreCase)
    {
        // By the enterprise app's object id: a registration made with the app registration's id
        // (the classic mistake) must not count as done.
        ["New-ServicePrincipal"] = new("Get-ServicePrincipal", [new("Identity", "ObjectId")], []),
        ["Add-MailboxPermission"] = new("Get-MailboxPermission",
            [new("Identity", "Identity"), new("User", "User")],
            [new("AccessRights", "AccessRights", ProbeComparison.Contains)]),
        ["Add-RecipientPermission"] = new("Get-RecipientPermission",
            [new("Identity", "Identity"), new("Trustee", "Trustee"), new("AccessRights", "AccessRights")], []),
        ["New-ManagementScope"] = new("Get-ManagementScope", [new("Identity", "Name")], []),
        // An unscoped assignment of the same role must not count: the scope is the point.
        ["New-ManagementRoleAssignment"] = new("Get-ManagementRoleAssignment",
            [new("RoleAssignee", "App"), new("Role", "Role")],
            [new("CustomResourceScope", "CustomResourceScope", ProbeComparison.Equals)]),
        ["New-ApplicationAccessPolicy"] = new("Get-ApplicationAccessPolicy", [],
            [new("AppId", "AppId", ProbeComparison.Equals), new("AccessRight", "AccessRight", ProbeComparison.Equals)]),
    };
}

/// <summary>A Get- cmdlet whose first result (after the filters) means the create step is done.</summary>
internal sealed record ExchangeProbe(string Cmdlet, IReadOnlyList<ProbeParameter> Parameters, IReadOnlyList<ProbeFilter> Filters);

/// <summary>A Get- parameter whose value is the create cmdlet's parameter <see cref="From"/>.</summary>
internal sealed record ProbeParameter(string Name, string From);

/// <summary>The answer's <see cref="Property"/> compared, as text ignoring case, with the create cmdlet's parameter <see cref="From"/>.</summary>
internal sealed record ProbeFilter(string Property, string From, ProbeComparison Comparison);

internal enum ProbeComparison
{
    Equals,

    /// <summary>For lists shown as text, such as <c>AccessRights</c> holding FullAccess among others.</summary>
    Contains,
}
