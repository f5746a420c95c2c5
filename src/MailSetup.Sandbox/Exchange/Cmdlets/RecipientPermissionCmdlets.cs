using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>SendAs permissions (Add-/Get-/Remove-RecipientPermission).</summary>
internal static class RecipientRights
{
    public static List<string> Read(CmdletParameters parameters, bool required)
    {
        var rights = parameters.List("AccessRights");
        if (rights.Count == 0 && required) throw ExchangeException.MissingParameters(["AccessRights"]);
        return rights.Select(r => r.Equals("SendAs", StringComparison.OrdinalIgnoreCase)
            ? "SendAs"
            : throw ExchangeException.InvalidValue("AccessRights", r, "Microsoft.Exchange.Management.RecipientTasks.RecipientAccessRight[]"))
                .ToList();
    }
}

internal sealed class AddRecipientPermission : IExchangeCmdlet
{
    public string Name => "Add-RecipientPermission";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Trustee", "AccessRights"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity", "Trustee", "AccessRights"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        RecipientRights.Read(parameters, required: true);
        return tenant.Change(state =>
        {
            var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
            var trustee = ExchangeRecipients.Trustee(state, parameters.RequiredText("Trustee"));
            var permissions = state.Exchange.RecipientPermissions;
            var entry =
                permissions.FirstOrDefault(p => ExchangeRecipients.Same(p.Identity, mailbox.Mail) && ExchangeRecipients.Same(p.Trustee, trustee));
            if (entry is null)
            {
                entry = new ExchangeRecipientPermission { Identity = mailbox.Mail, Trustee = trustee, AccessRights = ["SendAs"] };
                permissions.Add(entry);
            }
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.RecipientPermission(entry)];
        });
    }
}

internal sealed class GetRecipientPermission : IExchangeCmdlet
{
    public string Name => "Get-RecipientPermission";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Trustee", "AccessRights"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        RecipientRights.Read(parameters, required: false);
        return tenant.Read(state =>
        {
            var mailbox = parameters.Text("Identity") is { } identity ? ExchangeRecipients.Mailbox(state, identity) : null;
            var trustee = parameters.Text("Trustee");
            return (IReadOnlyList<JsonObject>)state.Exchange.RecipientPermissions
                .Where(
                    p =>
                        (mailbox is null || ExchangeRecipients.Same(p.Identity, mailbox.Mail))
                            && (trustee is null || ExchangeRecipients.IsTrustee(state, p.Trustee, trustee)))
                .Select(ExchangeOutput.RecipientPermission)
                .ToList();
        });
    }
}

internal sealed class RemoveRecipientPermission : IExchangeCmdlet
{
    public string Name => "Remove-RecipientPermission";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "Trustee", "AccessRights"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity", "Trustee", "AccessRights"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        RecipientRights.Read(parameters, required: true);
        return tenant.Change(state =>
        {
            var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
            var trustee = parameters.RequiredText("Trustee");
            state.Exchange.RecipientPermissions.RemoveAll(
                p => ExchangeRecipients.Same(p.Identity, mailbox.Mail) && ExchangeRecipients.IsTrustee(state, p.Trustee, trustee));
            return (IReadOnlyList<JsonObject>)[];
        });
    }
}
