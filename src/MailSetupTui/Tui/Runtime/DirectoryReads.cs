using System.Text.Json;
using MailSetup.Core.Exchange;
using MailSetup.Core.Execution;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>What the panes list: mailboxes (Exchange: type and protocol switches in two bulk reads) and app registrations (Graph).</summary>
internal static class DirectoryReads
{
    public static async Task<IReadOnlyList<MailboxRow>> MailboxesAsync(TenantClients clients, CancellationToken cancellationToken)
    {
        var mailboxes =
            await clients.Exchange.InvokeAsync(Cmdlet.Create("Get-Mailbox", CmdletParameter.Text("ResultSize", "Unlimited")), cancellationToken);
        var protocols =
            (await clients.Exchange.InvokeAsync(Cmdlet.Create("Get-CASMailbox", CmdletParameter.Text("ResultSize", "Unlimited")), cancellationToken))
            .GroupBy(c => Text(c, "PrimarySmtpAddress") ?? "", StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        return mailboxes
            .Select(m =>
            {
                var address = Text(m, "PrimarySmtpAddress") ?? Text(m, "UserPrincipalName") ?? "";
                protocols.TryGetValue(address, out var cas);
                return new MailboxRow(address, Text(m, "DisplayName") ?? "", Text(m, "RecipientTypeDetails") == "SharedMailbox",
                    cas.ValueKind == JsonValueKind.Object ? Bool(cas, "ImapEnabled") : true,
                    cas.ValueKind == JsonValueKind.Object ? Bool(cas, "PopEnabled") : true);
            })
            .Where(m => m.Address.Length > 0)
            .OrderBy(m => m.Shared ? 0 : 1).ThenBy(m => m.Address, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public static async Task<IReadOnlyList<ExistingApp>> AppsAsync(TenantClients clients, CancellationToken cancellationToken)
    {
        var page = await clients.Graph.Applications.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "appId", "displayName", "passwordCredentials", "keyCredentials"];
            r.QueryParameters.Top = 999;
        }, cancellationToken);
        return (page?.Value ?? [])
            .Select(a => new ExistingApp(a.AppId ?? "", a.Id ?? "", a.DisplayName ?? "",
                (a.PasswordCredentials ?? []).Where(p => p.EndDateTime is not null).Select(p => (p.DisplayName ?? "secret", p.EndDateTime!.Value))
                    .Concat(
                        (a.KeyCredentials ?? []).Where(k => k.EndDateTime is not null)
                            .Select(k => (k.DisplayName ?? "certificate", k.EndDateTime!.Value))).ToList()))
            .OrderBy(a => a.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Bool(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.False;
}
