using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>Management scopes for RBAC for Applications; the filter must parse, as Exchange checks it.</summary>
internal sealed class NewManagementScope : IExchangeCmdlet
{
    public string Name => "New-ManagementScope";
    public IReadOnlyCollection<string> Parameters { get; } = ["Name", "RecipientRestrictionFilter", "RecipientRoot"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Name", "RecipientRestrictionFilter"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var name = parameters.RequiredText("Name");
        var filter = parameters.RequiredText("RecipientRestrictionFilter");
        RecipientFilter.Parse(filter);
        return tenant.Change(state =>
        {
            if (state.Exchange.ManagementScopes.Any(s => ExchangeRecipients.Same(s.Name, name)))
                throw ExchangeException.AlreadyExists($"The management scope \"{name}\" already exists.");
            var scope = new ExchangeManagementScope { Name = name, RecipientRestrictionFilter = filter };
            state.Exchange.ManagementScopes.Add(scope);
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.ManagementScope(scope)];
        });
    }
}

internal sealed class GetManagementScope : IExchangeCmdlet
{
    public string Name => "Get-ManagementScope";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
        parameters.Text("Identity") is { } identity
            ? [ExchangeOutput.ManagementScope(Find(state, identity))]
            : (IReadOnlyList<JsonObject>)state.Exchange.ManagementScopes.Select(ExchangeOutput.ManagementScope).ToList());

    public static ExchangeManagementScope Find(TenantState state, string identity) =>
        state.Exchange.ManagementScopes.FirstOrDefault(s => ExchangeRecipients.Same(s.Name, identity)) ?? throw ExchangeException.NotFound(identity);
}

/// <summary>Set-ManagementScope: a new filter for a scope, checked as New-ManagementScope checks it.</summary>
internal sealed class SetManagementScope : IExchangeCmdlet
{
    public string Name => "Set-ManagementScope";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "RecipientRestrictionFilter"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var filter = parameters.Text("RecipientRestrictionFilter");
        if (filter is not null) RecipientFilter.Parse(filter);
        return tenant.Change(state =>
        {
            var scope = GetManagementScope.Find(state, parameters.RequiredText("Identity"));
            if (filter is not null) scope.RecipientRestrictionFilter = filter;
            return (IReadOnlyList<JsonObject>)[];
        });
    }
}

/// <summary>Remove-ManagementScope; a scope that role assignments still use stays, as in Exchange.</summary>
internal sealed class RemoveManagementScope : IExchangeCmdlet
{
    public string Name => "Remove-ManagementScope";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Change(state =>
    {
        var scope = GetManagementScope.Find(state, parameters.RequiredText("Identity"));
        if (state.Exchange.ManagementRoleAssignments.Any(a => ExchangeRecipients.Same(a.CustomResourceScope, scope.Name)))
            throw ExchangeException.Invalid(
                $"The management scope \"{scope.Name}\" can't be removed because it's used by management role assignments. Remove those first.");
        state.Exchange.ManagementScopes.Remove(scope);
        return (IReadOnlyList<JsonObject>)[];
    });
}
