using System.Text.Json;
using MailSetup.Core.Exchange;

namespace MailSetup.Core.Execution;

/// <summary>Runs one Exchange Online cmdlet and returns its output objects.</summary>
public interface IExchangeCommandRunner
{
    /// <summary>True where the runner is Exchange's undocumented admin API against a real tenant.</summary>
    bool Experimental { get; }

    Task<IReadOnlyList<JsonElement>> InvokeAsync(Cmdlet cmdlet, CancellationToken cancellationToken);
}

/// <summary>A cmdlet Exchange refused; <see cref="Code"/> is Exchange's error type (ManagementObjectNotFoundException...).</summary>
public sealed class ExchangeCommandException(string cmdlet, string code, string message, int status)
    : Exception($"{cmdlet}: {message} ({code})")
{
    public string Cmdlet { get; } = cmdlet;
    public string Code { get; } = code;
    public int Status { get; } = status;

    public bool IsNotFound => Code.Contains("NotFound", StringComparison.OrdinalIgnoreCase);
}
