namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// What the terminal UI may use, decided once at start from the command line, the environment
/// and whether stdin/stdout are terminals. <see cref="Unsupported"/> set means: do not start the
/// UI, print <see cref="UnsupportedMessage"/> and exit.
/// </summary>
public sealed record TerminalOptions(bool Color = true, bool Ascii = false, string? Unsupported = null)
{
    public const string NoColorFlag = "--no-color";
    public const string AsciiFlag = "--ascii";

    /// <summary>Colour and Unicode borders: what tests render with unless they say otherwise.</summary>
    public static TerminalOptions Default { get; } = new();

    public bool IsSupported => Unsupported is null;

    /// <summary>Box drawing needs Unicode; ASCII mode makes Spectre pick its "safe" borders (+-|).</summary>
    public bool Unicode => !Ascii;

    /// <summary>The one line printed instead of the UI, pointing to the commands that work anywhere.</summary>
    public string? UnsupportedMessage => Unsupported is null ? null : MessageFor(Unsupported);

    public static string MessageFor(string reason) =>
        $"mailsetup: the terminal UI needs an interactive terminal ({reason}); use the commands instead: "
        + "mailsetup plan | apply | diagnose | preflight | presets | sandbox (mailsetup --help)";

    /// <summary>
    /// NO_COLOR (any non-empty value, no-color.org) or --no-color turns colours off; --ascii gives
    /// ASCII borders. TERM unset or dumb, or stdin/stdout not a terminal, is unsupported: the UI
    /// needs cursor addressing and key-by-key input.
    /// </summary>
    public static TerminalOptions Detect(IReadOnlyCollection<string> args, Func<string, string?> environment, bool stdinIsTerminal,
        bool stdoutIsTerminal)
    {
        var color = !args.Contains(NoColorFlag) && string.IsNullOrEmpty(environment("NO_COLOR"));
        var ascii = args.Contains(AsciiFlag);
        var term = environment("TERM");
        string? unsupported =
            !stdoutIsTerminal ? "output is not a terminal"
            : !stdinIsTerminal ? "input is not a terminal"
            : string.IsNullOrEmpty(term) ? "TERM is not set"
            : term == "dumb" ? "TERM=dumb"
            : null;
        return new TerminalOptions(color, ascii, unsupported);
    }

    /// <summary>The real process: its arguments, environment and console redirections.</summary>
    public static TerminalOptions FromConsole(IReadOnlyCollection<string> args) =>
        Detect(args, Environment.GetEnvironmentVariable, !Console.IsInputRedirected, !Console.IsOutputRedirected);
}
