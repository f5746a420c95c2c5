using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>RBAC for Applications: roles given to a registered service principal, optionally scoped.</summary>
internal static class ApplicationRoles
{
    /// <summary>Exchange's built-in application roles (the ones <c>-App</c> assignments take).</summary>
    public static readonly string[] All =
        ["Application Mail.Read", "Application Mail.ReadBasic", "Application Mail.ReadWrite", "Application Mail.Send",
         "Application MailboxSettings.Read", "Application MailboxSettings.ReadWrite", "Application Calendars.Read",
         "Application Calendars.ReadWrite", "Application Contacts.Read", "Application Contacts.ReadWrite",
         "Application Mail Full Access", "Application Exchange Full Access", "Application EWS.AccessAsApp", "Application SMTP.SendAsApp"];

    public static string Find(string role) =>
        All.FirstOrDefault(r => r.Equals(role.Trim(), StringComparison.OrdinalIgnoreCase)) ?? throw ExchangeException.NotFound(role);
}

internal sealed class NewManagementRoleAssignment : IExchangeCmdlet
{
    public string Name => "New-ManagementRoleAssignment";
    public IReadOnlyCollection<string> Parameters { get; } = ["App", "Role", "CustomResourceScope", "Name"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["App", "Role"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var role = ApplicationRoles.Find(parameters.RequiredText("Role"));
        return tenant.Change(state =>
        {
            var sp = ExchangeRecipients.ServicePrincipal(state, parameters.RequiredText("App"));
            var scope = parameters.Text("CustomResourceScope") is { } scopeName ? GetManagementScope.Find(state, scopeName).Name : null;
            var name = parameters.Text("Name") ?? $"{role}-{sp.ObjectId}" + (scope is null ? "" : "-" + scope);
            if (state.Exchange.ManagementRoleAssignments.Any(a => ExchangeRecipients.Same(a.Name, name)))
                throw ExchangeException.AlreadyExists($"The role assignment \"{name}\" already exists.");
            var assignment = new ExchangeManagementRoleAssignment { Name = name, App = sp.ObjectId, Role = role, CustomResourceScope = scope };
            state.Exchange.ManagementRoleAssignments.Add(assignment);
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.RoleAssignment(assignment, state)];
        });
    }
}

internal sealed class GetManagementRoleAssignment : IExchangeCmdlet
{
    public string Name => "Get-ManagementRoleAssignment";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "RoleAssignee", "App", "Role"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
    {
        var identity = parameters.Text("Identity");
        var assignee = parameters.Text("RoleAssignee") ?? parameters.Text("App");
        var role = parameters.Text("Role");
        var found = state.Exchange.ManagementRoleAssignments
            .Where(a => identity is null || ExchangeRecipients.Same(a.Name, identity))
            .Where(a => assignee is null || ExchangeRecipients.IsTrustee(state, a.App, assignee))
            .Where(a => role is null || ExchangeRecipients.Same(a.Role, role))
            .ToList();
        if (identity is not null && found.Count == 0) throw ExchangeException.NotFound(identity);
        return (IReadOnlyList<JsonObject>)found.Select(a => ExchangeOutput.RoleAssignment(a, state)).ToList();
    });
}

internal sealed class RemoveManagementRoleAssignment : IExchangeCmdlet
{
    public string Name => "Remove-ManagementRoleAssignment";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Change(state =>
    {
        var identity = parameters.RequiredText("Identity");
        var assignment = state.Exchange.ManagementRoleAssignments.FirstOrDefault(a => ExchangeRecipients.Same(a.Name, identity))
                         ?? throw ExchangeException.NotFound(identity);
        state.Exchange.ManagementRoleAssignments.Remove(assignment);
        return (IReadOnlyList<JsonObject>)[];
    });
}

/// <summary>
/// Test-ServicePrincipalAuthorization: the RBAC roles Exchange grants the app and, with -Resource,
/// whether that mailbox is in each role's scope.
/// </summary>
internal sealed class TestServicePrincipalAuthorization : IExchangeCmdlet
{
    public string Name => "Test-ServicePrincipalAuthorization";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Resource"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
    {
        var sp = ExchangeRecipients.ServicePrincipal(state, parameters.RequiredText("Identity"));
        var mailbox = parameters.Text("Resource") is { } resource ? ExchangeRecipients.Mailbox(state, resource) : null;
        return (IReadOnlyList<JsonObject>)state.Exchange.ManagementRoleAssignments
            .Where(a => ExchangeRecipients.Same(a.App, sp.ObjectId))
            .Select(a =>
            {
                var scope =
                    a.CustomResourceScope is null
                        ? null
                        : state.Exchange.ManagementScopes.FirstOrDefault(s => ExchangeRecipients.Same(s.Name, a.CustomResourceScope));
                var result = new JsonObject
                {
                    ["RoleName"] = a.Role,
                    ["GrantedPermissions"] = a.Role["Application ".Length..],
                    ["AllowedResourceScope"] = a.CustomResourceScope ?? "Organization",
                    ["ScopeType"] = a.CustomResourceScope is null ? "Organization" : "CustomRecipientScope",
                };
                if (mailbox is not null)
                    result["InScope"] =
                        scope is null
                            ? a.CustomResourceScope is null
                            : RecipientFilter.Parse(scope.RecipientRestrictionFilter).Matches(mailbox, state);
                return result;
            })
            .ToList();
    });
}
