using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange;

/// <summary>One cmdlet of the admin API: its name, the parameters it takes, and what it does.</summary>
internal interface IExchangeCmdlet
{
    string Name { get; }

    /// <summary>Parameters the cmdlet takes besides the common ones (Confirm, ErrorAction, ...).</summary>
    IReadOnlyCollection<string> Parameters { get; }

    IReadOnlyCollection<string> Mandatory { get; }

    /// <summary>The output objects, PascalCase as Exchange writes them. Throws <see cref="ExchangeException"/> on failure.</summary>
    IReadOnlyList<JsonObject> Invoke(SandboxTenant tenant, CmdletParameters parameters);
}
