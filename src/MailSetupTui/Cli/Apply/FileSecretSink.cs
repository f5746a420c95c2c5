using MailSetup.App;
using MailSetup.Core.Execution;

namespace MailSetupTui.Cli;

/// <summary>
/// The <c>--secret-out</c> file: created new (0600, no link followed) before anything changes and kept open, so the secret made later
/// has a place that is known to work. Removed again when the run ends without a secret in it.
/// </summary>
internal sealed class SecretOutFile(string path, Stream stream) : IAsyncDisposable
{
    private bool _written;

    public string Path { get; } = path;

    /// <exception cref="IOException">The file cannot be created; the message names it and says why.</exception>
    public static SecretOutFile Create(string path) => new(path, SecretFile.CreateNew(path));

    public async Task WriteAsync(string secret, CancellationToken cancellationToken)
    {
        await SecretFile.WriteAsync(stream, secret, cancellationToken);
        _written = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await stream.DisposeAsync();
        }
        catch (IOException)
        {
            // A failed flush was reported by the write already.
        }
        if (!_written) File.Delete(Path);
    }
}

/// <summary>
/// Where apply puts a new client secret: the <c>--secret-out</c> file, else the terminal (only when both stdout and stderr are one).
/// When the file cannot be written, a new owner-only file in the state folder takes it and the output names it; when that fails too,
/// the error reaches the runner, which removes the secret again.
/// </summary>
internal sealed class ApplySecretSink(SecretOutFile? file, TextWriter? terminal, Func<string> fallbackPath, TextWriter status) : ISecretSink
{
    public async Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        string problem;
        if (file is not null)
        {
            try
            {
                await file.WriteAsync(secretValue, cancellationToken);
                await status.WriteLineAsync($"mailsetup: the new client secret is in {file.Path} (mode 0600); it is not shown anywhere else.");
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                problem = $"could not write the new client secret to {file.Path} ({e.Message.TrimEnd('.')})";
            }
        }
        else if (terminal is not null)
        {
            await terminal.WriteLineAsync($"The new client secret '{credentialName}' (shown once, store it now; it is never shown again):");
            await terminal.WriteLineAsync("  " + secretValue);
            return;
        }
        else
        {
            problem = "no place was given for the new client secret";
        }
        var fallback = fallbackPath();
        await SecretFile.WriteNewAsync(fallback, secretValue, cancellationToken);
        await status.WriteLineAsync($"mailsetup: {problem}; it is in {fallback} (mode 0600) instead; it is not shown anywhere else.");
    }
}
