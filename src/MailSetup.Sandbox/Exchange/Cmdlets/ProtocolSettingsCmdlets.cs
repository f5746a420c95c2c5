using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange.Cmdlets;

/// <summary>Get-CASMailbox: the per-mailbox protocol switches a login depends on.</summary>
internal sealed class GetCasMailbox : IExchangeCmdlet
{
    public string Name => "Get-CASMailbox";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "ResultSize"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) => tenant.Read(state =>
        parameters.Text("Identity") is { } identity
            ? [ExchangeOutput.CasMailbox(ExchangeRecipients.Mailbox(state, identity))]
            : (IReadOnlyList<JsonObject>)state.Users.Select(ExchangeOutput.CasMailbox).ToList());
}

/// <summary>Set-CASMailbox; SmtpClientAuthenticationDisabled takes $null to follow the tenant again.</summary>
internal sealed class SetCasMailbox : IExchangeCmdlet
{
    public string Name => "Set-CASMailbox";
    public IReadOnlyCollection<string> Parameters { get; } = ["Identity", "ImapEnabled", "PopEnabled", "SmtpClientAuthenticationDisabled"];
    public IReadOnlyCollection<string> Mandatory { get; } = ["Identity"];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var imap = parameters.Bool("ImapEnabled");
        var pop = parameters.Bool("PopEnabled");
        var smtpDisabled = parameters.Bool("SmtpClientAuthenticationDisabled");
        return tenant.Change(state =>
        {
            var mailbox = ExchangeRecipients.Mailbox(state, parameters.RequiredText("Identity"));
            if (imap is { } i) mailbox.ImapEnabled = i;
            if (pop is { } p) mailbox.PopEnabled = p;
            if (parameters.Has("SmtpClientAuthenticationDisabled")) mailbox.SmtpClientAuthenticationDisabled = smtpDisabled;
            return (IReadOnlyList<JsonObject>)[];
        });
    }
}

internal sealed class GetTransportConfig : IExchangeCmdlet
{
    public string Name => "Get-TransportConfig";
    public IReadOnlyCollection<string> Parameters { get; } = [];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters) =>
        tenant.Read(state => (IReadOnlyList<JsonObject>)[ExchangeOutput.TransportConfig(state)]);
}

internal sealed class SetTransportConfig : IExchangeCmdlet
{
    public string Name => "Set-TransportConfig";
    public IReadOnlyCollection<string> Parameters { get; } = ["SmtpClientAuthenticationDisabled"];
    public IReadOnlyCollection<string> Mandatory { get; } = [];

    public IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters)
    {
        var disabled = parameters.Bool("SmtpClientAuthenticationDisabled");
        return tenant.Change(state =>
        {
            if (disabled is { } value) state.Exchange.SmtpClientAuthenticationDisabled = value;
            return (IReadOnlyList<JsonObject>)[];
        });
    }
}
