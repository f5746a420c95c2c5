namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// The terminal the process runs in, as the command line and the UI use it: whether a person is at
/// it, where their typed answers come from, and taking it over full screen. The one seam between
/// the tool and a real terminal: tests give a <c>TestTerminal</c> (as Ratatui's TestBackend) and
/// drive the real loop in process.
/// </summary>
public interface ITerminal
{
    /// <summary>True when both input and output are a terminal: someone can be asked.</summary>
    bool Interactive { get; }

    /// <summary>
    /// True when standard output and standard error both go to the terminal: only then may a secret be shown, as nothing of either
    /// stream can land in a file or a pipe.
    /// </summary>
    bool OutputsAreTerminal { get; }

    /// <summary>Typed answers (y/N) and piped input (a token on stdin).</summary>
    TextReader Input { get; }

    /// <summary>
    /// Takes the terminal over for the full-screen UI until the screen is disposed. Keys and
    /// resizes arrive on <paramref name="post"/> from other threads; it must only queue.
    /// </summary>
    ITerminalScreen Open(Action<TerminalEvent> post);
}

/// <summary>The terminal while the UI owns it: where frames go and how big it is now.</summary>
public interface ITerminalScreen : IAsyncDisposable
{
    /// <summary>Where frames go (give it to a <see cref="FrameWriter"/>).</summary>
    Stream Output { get; }

    int Width { get; }

    int Height { get; }
}

/// <summary>The process's own console.</summary>
public sealed class ConsoleTerminal : ITerminal
{
    public bool Interactive { get; } = !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public bool OutputsAreTerminal { get; } = !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    public TextReader Input => Console.In;

    public ITerminalScreen Open(Action<TerminalEvent> post) => TerminalSession.Start(post);
}
