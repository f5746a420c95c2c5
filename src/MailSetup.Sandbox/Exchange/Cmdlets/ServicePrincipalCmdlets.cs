using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>
/// New-ServicePrincipal registers an Entra app with Exchange. Like Exchange, it does not check that
/// ObjectId is the app's enterprise app (service principal): the app registration's object id, or
/// any GUID, is accepted, and logins fail later. Only a second registration of the same app fails.
/// </summary>
internal sealed class NewServicePrincipal : IExchangeCmdlet
{
    public string Name => "New-ServicePrincipal";
    public IReadOnlyCollection<string> Parameters { get; } = ["AppId", "ObjectId", "ServiceId", "DisplayName", "Organization"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["AppId"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var appId = Guid("AppId", parameters.RequiredText("AppId"));
        // -ServiceId is the deprecated name of -ObjectId.
        var objectIdText = parameters.Text("ObjectId") ?? parameters.Text("ServiceId") ?? throw ExchangeException.MissingParameters(["ObjectId"]);
        var objectId = Guid("ObjectId", objectIdText);
        var displayName = parameters.Text("DisplayName") ?? "";
        return tenant.Change(state =>
        {
            var registered = state.Exchange.ServicePrincipals;
            if (registered.Any(s => ExchangeRecipients.Same(s.AppId, appId)))
                throw ExchangeException.AlreadyExists($"A service principal with AppId '{appId}' already exists in this organization.");
            if (registered.Any(s => ExchangeRecipients.Same(s.ObjectId, objectId)))
                throw ExchangeException.AlreadyExists($"A service principal with ObjectId '{objectId}' already exists in this organization.");
            var sp = new ExchangeServicePrincipal { Identity = objectId, AppId = appId, ObjectId = objectId, DisplayName = displayName };
            registered.Add(sp);
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.ServicePrincipal(sp, state)];
        });
    }

    private static string Guid(string parameter, string value) =>
        System.Guid.TryParse(value, out var guid) ? guid.ToString() : throw ExchangeException.InvalidValue(parameter, value, "System.Guid");
}

internal sealed class GetServicePrincipal : IExchangeCmdlet
{
    public string Name => "Get-ServicePrincipal";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Organization"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
        parameters.Text("Identity") is { } identity
            ? [ExchangeOutput.ServicePrincipal(ExchangeRecipients.ServicePrincipal(state, identity), state)]
            : state.Exchange.ServicePrincipals.Select(s => ExchangeOutput.ServicePrincipal(s, state)).ToList());
}

/// <summary>Remove-ServicePrincipal; the permissions and role assignments granted to it go too (their trustee is gone).</summary>
internal sealed class RemoveServicePrincipal : IExchangeCmdlet
{
    public string Name => "Remove-ServicePrincipal";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Organization"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Change(state =>
    {
        var sp = ExchangeRecipients.ServicePrincipal(state, parameters.RequiredText("Identity"));
        var exchange = state.Exchange;
        exchange.ServicePrincipals.Remove(sp);
        exchange.MailboxPermissions.RemoveAll(p => ExchangeRecipients.Same(p.User, sp.ObjectId));
        exchange.RecipientPermissions.RemoveAll(p => ExchangeRecipients.Same(p.Trustee, sp.ObjectId));
        exchange.ManagementRoleAssignments.RemoveAll(a => ExchangeRecipients.Same(a.App, sp.ObjectId));
        return (IReadOnlyList<JsonObject>)[];
    });
}
