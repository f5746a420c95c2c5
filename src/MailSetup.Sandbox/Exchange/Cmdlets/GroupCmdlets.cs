using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>Get-Group: a scope's filter names the group by its DistinguishedName, read from here.</summary>
internal sealed class GetGroup : IExchangeCmdlet
{
    public string Name => "Get-Group";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "RecipientTypeDetails"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
        parameters.Text("Identity") is { } identity
            ? [ExchangeOutput.Group(ExchangeRecipients.Group(state, identity), state)]
            : (IReadOnlyList<JsonObject>)state.Groups.Select(g => ExchangeOutput.Group(g, state)).ToList());
}

/// <summary>Get-Mailbox, by identity or all (paged by the admin API).</summary>
internal sealed class GetMailbox : IExchangeCmdlet
{
    public string Name => "Get-Mailbox";

    // ResultSize is accepted and ignored: the admin API pages every result (Exchange's default cap of 1,000 is for the shell).
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "RecipientTypeDetails", "ResultSize"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
    {
        if (parameters.Text("Identity") is { } identity) return [ExchangeOutput.Mailbox(ExchangeRecipients.Mailbox(state, identity))];
        var types = parameters.List("RecipientTypeDetails");
        return (IReadOnlyList<JsonObject>)state.Users
            .Where(u => types.Count == 0 || types.Contains(u.RecipientTypeDetails, StringComparer.OrdinalIgnoreCase))
            .Select(ExchangeOutput.Mailbox).ToList();
    });
}
