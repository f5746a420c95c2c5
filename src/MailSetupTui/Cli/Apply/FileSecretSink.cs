using MailSetup.App;
using MailSetup.Core.Execution;

namespace MailSetupTui.Cli;

/// <summary>
/// Writes the new client secret to a new file readable only by its owner (0600 from creation, never
/// overwriting), and says where it went without showing it.
/// </summary>
internal sealed class FileSecretSink(string path, TextWriter status) : ISecretSink
{
    public async Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await SecretFile.WriteNewAsync(path, secretValue, cancellationToken);
        await status.WriteLineAsync($"mailsetup: the new client secret is in {path} (mode 0600); it is not shown anywhere else.");
    }
}

/// <summary>Shows the new client secret once on the terminal, with the warning that it is never shown again.</summary>
internal sealed class TerminalSecretSink(TextWriter terminal) : ISecretSink
{
    public async Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        await terminal.WriteLineAsync("The new client secret (shown once, store it now; it is never shown again):");
        await terminal.WriteLineAsync("  " + secretValue);
    }
}
