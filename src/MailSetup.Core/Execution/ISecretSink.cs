namespace MailSetup.Core.Execution;

/// <summary>
/// Where a new client secret goes: the one place that sees its value (a 0600 file, or the terminal
/// once). The runner never logs, journals or returns it otherwise.
/// </summary>
public interface ISecretSink
{
    Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken);
}
