namespace MailSetup.Sandbox.Mail;

/// <summary>
/// One client connection of one protocol. Subclasses hold the protocol's state machine; this base
/// counts the client's errors so a client that only sends garbage is cut off.
/// </summary>
internal abstract class MailSession(MailLineChannel channel, MailServerContext context)
{
    private int _errors;

    protected MailLineChannel Channel { get; } = channel;
    protected MailServerContext Context { get; } = context;

    /// <summary>Talks to the client until it quits, the session ends, or the token is cancelled.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>The line sent before closing because of a limit (line too long, idle, too many errors).</summary>
    public abstract string ClosingLine { get; }

    /// <summary>Counts a client error; true when the client has used up its allowance and must be disconnected.</summary>
    protected bool TooManyErrors() => ++_errors > Context.Options.MaxErrors;

    /// <summary>
    /// Runs one command's handler; a command that went through clears the error count, so only
    /// errors in a row count (a long-lived client trying an unsupported command now and then stays).
    /// </summary>
    protected async Task<bool> CountingErrorsAsync(Func<Task<bool>> handle)
    {
        var before = _errors;
        var goOn = await handle().ConfigureAwait(false);
        if (_errors == before) _errors = 0;
        return goOn;
    }

    /// <summary>Reads a client's SASL response line: null when the client closed the connection.</summary>
    protected Task<string?> ReadLineAsync(CancellationToken cancellationToken) => Channel.ReadLineAsync(cancellationToken);

    protected Task WriteAsync(string line, CancellationToken cancellationToken) => Channel.WriteLineAsync(line, cancellationToken);
}
