namespace MailSetup.Core.Execution;

/// <summary>
/// Where a new client secret goes: the one place that sees its value (a 0600 file, or the terminal
/// once). The runner never logs, journals or returns it otherwise.
/// </summary>
public interface ISecretSink
{
    /// <summary>False where nobody could receive a secret (no file, no terminal): the runner then makes none.</summary>
    bool CanDeliver => true;

    Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken);
}
