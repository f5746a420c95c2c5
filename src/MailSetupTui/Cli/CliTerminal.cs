namespace MailSetupTui.Cli;

/// <summary>
/// Whether a person is at the other end (a terminal on both input and output), and where their
/// answers come from. Tests and pipes have none: commands that would ask need --yes then.
/// </summary>
public sealed record CliTerminal(bool Interactive, TextReader Input)
{
    public static CliTerminal None { get; } = new(false, TextReader.Null);

    public static CliTerminal FromConsole() =>
        new(!Console.IsInputRedirected && !Console.IsOutputRedirected, Console.In);
}
