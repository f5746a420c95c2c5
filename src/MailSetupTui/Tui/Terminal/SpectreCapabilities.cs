using Spectre.Console;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// The capabilities Spectre renders against. Fixed here rather than detected by Spectre: its
/// detection looks at the real console, and the frame must depend on the options only.
/// </summary>
internal sealed class SpectreCapabilities(TerminalOptions options) : IReadOnlyCapabilities
{
    public ColorSystem ColorSystem => options.Color ? ColorSystem.TrueColor : ColorSystem.NoColors;

    public bool Ansi => true;

    public bool Links => false;

    public bool Legacy => false;

    public bool IsTerminal => true;

    public bool Interactive => true;

    public bool Unicode => options.Unicode;
}
