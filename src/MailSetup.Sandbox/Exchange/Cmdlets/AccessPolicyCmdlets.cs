using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>Application access policies (legacy scoping of Graph/EWS to a mail-enabled security group).</summary>
internal sealed class NewApplicationAccessPolicy : IExchangeCmdlet
{
    private static readonly string[] AccessRights = ["RestrictAccess", "DenyAccess"];

    public string Name => "New-ApplicationAccessPolicy";
    public IReadOnlyCollection<string> Parameters { get; } = ["AppId", "PolicyScopeGroupId", "AccessRight", "Description"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["AppId", "PolicyScopeGroupId", "AccessRight"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var appIdText = parameters.RequiredText("AppId");
        var appId =
            Guid.TryParse(appIdText, out var parsed)
                ? parsed.ToString()
                : throw ExchangeException.InvalidValue("AppId", appIdText, "System.String[]");
        var right = parameters.RequiredText("AccessRight");
        right = AccessRights.FirstOrDefault(r => r.Equals(right, StringComparison.OrdinalIgnoreCase))
                ?? throw ExchangeException.InvalidValue("AccessRight", right, "Microsoft.Exchange.Data.ApplicationAccessPolicyRight");
        return tenant.Change(state =>
        {
            var group = ExchangeRecipients.Group(state, parameters.RequiredText("PolicyScopeGroupId"));
            if (!group.MailEnabled || !group.SecurityEnabled || group.Mail is null)
                throw ExchangeException.Invalid(
                    $"The group \"{group.DisplayName}\" must be a mail-enabled security group to scope an application access policy.");
            if (state.Exchange.ApplicationAccessPolicies.Any(
                p => ExchangeRecipients.Same(p.AppId, appId) && ExchangeRecipients.Same(p.PolicyScopeGroupId, group.Mail)))
                throw ExchangeException.AlreadyExists($"An application access policy for app '{appId}' and group '{group.Mail}' already exists.");
            var policy = new ExchangeApplicationAccessPolicy
            {
                Identity = $"{state.TenantId}\\{appId}:{group.Id}",
                AppId = appId,
                PolicyScopeGroupId = group.Mail,
                AccessRight = right,
                Description = parameters.Text("Description") ?? "",
            };
            state.Exchange.ApplicationAccessPolicies.Add(policy);
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.AccessPolicy(policy, state)];
        });
    }
}

internal sealed class GetApplicationAccessPolicy : IExchangeCmdlet
{
    public string Name => "Get-ApplicationAccessPolicy";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
        parameters.Text("Identity") is { } identity
            ? [ExchangeOutput.AccessPolicy(Find(state, identity), state)]
            : (IReadOnlyList<JsonObject>)state.Exchange.ApplicationAccessPolicies.Select(p => ExchangeOutput.AccessPolicy(p, state)).ToList());

    /// <summary>By its Identity, or by the app id when the app has exactly one policy.</summary>
    public static ExchangeApplicationAccessPolicy Find(TenantState state, string identity)
    {
        var policies = state.Exchange.ApplicationAccessPolicies;
        return policies.FirstOrDefault(p => ExchangeRecipients.Same(p.Identity, identity))
               ?? (policies.Count(p => ExchangeRecipients.Same(p.AppId, identity)) == 1
                   ? policies.Single(p => ExchangeRecipients.Same(p.AppId, identity))
                   : null)
               ?? throw ExchangeException.NotFound(identity);
    }
}

internal sealed class RemoveApplicationAccessPolicy : IExchangeCmdlet
{
    public string Name => "Remove-ApplicationAccessPolicy";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Change(state =>
    {
        state.Exchange.ApplicationAccessPolicies.Remove(GetApplicationAccessPolicy.Find(state, parameters.RequiredText("Identity")));
        return (IReadOnlyList<JsonObject>)[];
    });
}
