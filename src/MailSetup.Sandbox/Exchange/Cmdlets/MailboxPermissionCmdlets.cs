using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>Mailbox permissions (FullAccess for IMAP/POP app logins). Trustees are registered service principals or mailboxes.</summary>
internal static class MailboxRights
{
    public static readonly string[] Valid = ["FullAccess", "ChangeOwner", "ChangePermission", "DeleteItem", "ExternalAccount", "ReadPermission"];

    /// <summary>Every mailbox grants itself these, and Get-MailboxPermission lists them first.</summary>
    public const string Self = "NT AUTHORITY\\SELF";

    public static List<string> Read(CmdletParameters parameters)
    {
        var rights = parameters.List("AccessRights");
        if (rights.Count == 0) throw ExchangeException.MissingParameters(["AccessRights"]);
        return rights.Select(r => Valid.FirstOrDefault(v => v.Equals(r, StringComparison.OrdinalIgnoreCase))
                                  ?? throw ExchangeException.InvalidValue("AccessRights", r,
                                      "Microsoft.Exchange.Management.RecipientTasks.MailboxRights[]")).ToList();
    }
}

internal sealed class AddMailboxPermission : IExchangeCmdlet
{
    public string Name => "Add-MailboxPermission";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "User", "AccessRights", "AutoMapping", "InheritanceType", "Deny"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity", "User", "AccessRights"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var rights = MailboxRights.Read(parameters);
        parameters.Bool("AutoMapping");
        return tenant.Change(state =>
        {
            var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
            var trustee = ExchangeRecipients.Trustee(state, parameters.RequiredText("User"));
            var permissions = state.Exchange.MailboxPermissions;
            var entry =
                permissions.FirstOrDefault(p => ExchangeRecipients.Same(p.Identity, mailbox.Mail) && ExchangeRecipients.Same(p.User, trustee));
            if (entry is null)
            {
                entry = new ExchangeMailboxPermission { Identity = mailbox.Mail, User = trustee };
                permissions.Add(entry);
            }
            // Granting what is already granted changes nothing (Exchange only warns).
            foreach (var right in rights.Where(r => !entry.AccessRights.Contains(r))) entry.AccessRights.Add(right);
            return (IReadOnlyList<JsonObject>)[ExchangeOutput.MailboxPermission(mailbox.Mail, trustee, entry.AccessRights)];
        });
    }
}

internal sealed class GetMailboxPermission : IExchangeCmdlet
{
    public string Name => "Get-MailboxPermission";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "User", "Owner"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
    {
        var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
        var user = parameters.Text("User");
        var entries = state.Exchange.MailboxPermissions
            .Where(p => ExchangeRecipients.Same(p.Identity, mailbox.Mail) && (user is null || ExchangeRecipients.IsTrustee(state, p.User, user)))
            .Select(p => ExchangeOutput.MailboxPermission(mailbox.Mail, p.User, p.AccessRights));
        if (user is null) entries =
            entries.Prepend(ExchangeOutput.MailboxPermission(mailbox.Mail, MailboxRights.Self, ["FullAccess", "ReadPermission"]));
        return (IReadOnlyList<JsonObject>)entries.ToList();
    });
}

internal sealed class RemoveMailboxPermission : IExchangeCmdlet
{
    public string Name => "Remove-MailboxPermission";
    public IReadOnlyCollection<string> Parameters { get; } =
        ["Identity", "User", "AccessRights", "InheritanceType", "Deny", "BypassMasterAccountSid"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity", "User", "AccessRights"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var rights = MailboxRights.Read(parameters);
        return tenant.Change(state =>
        {
            var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
            var user = parameters.RequiredText("User");
            // Removing what is not there changes nothing (Exchange only warns).
            foreach (var entry in state.Exchange.MailboxPermissions.Where(
                p => ExchangeRecipients.Same(p.Identity, mailbox.Mail) && ExchangeRecipients.IsTrustee(state, p.User, user)).ToList())
            {
                entry.AccessRights.RemoveAll(r => rights.Contains(r, StringComparer.OrdinalIgnoreCase));
                if (entry.AccessRights.Count == 0) state.Exchange.MailboxPermissions.Remove(entry);
            }
            return (IReadOnlyList<JsonObject>)[];
        });
    }
}
