using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class TerminalOptionsTests
{
    private static TerminalOptions Detect(string[] args, string? term = "xterm-256color", string? noColor = null, bool stdin = true,
        bool stdout = true) =>
        TerminalOptions.Detect(args, name => name switch { "TERM" => term, "NO_COLOR" => noColor, _ => null }, stdin, stdout);

    [Fact]
    public void An_interactive_terminal_has_colour_and_Unicode_borders()
    {
        var options = Detect([]);

        Assert.True(options.IsSupported);
        Assert.True(options.Color);
        Assert.False(options.Ascii);
        Assert.Null(options.UnsupportedMessage);
    }

    [Fact]
    public void No_color_set_turns_colour_off() => Assert.False(Detect([], noColor: "1").Color);

    [Fact]
    public void No_color_empty_keeps_colour() => Assert.True(Detect([], noColor: "").Color);

    [Fact]
    public void No_color_flag_turns_colour_off() => Assert.False(Detect(["--no-color"]).Color);

    [Fact]
    public void ASCII_flag_gives_ASCII_borders()
    {
        var options = Detect(["--ascii"]);

        Assert.True(options.Ascii);
        Assert.False(options.Unicode);
    }

    [Fact]
    public void TERM_dumb_is_unsupported_with_a_pointer_to_the_commands()
    {
        var options = Detect([], term: "dumb");

        Assert.False(options.IsSupported);
        Assert.Equal(
            "mailsetup: the terminal UI needs an interactive terminal (TERM=dumb); use the commands instead: " +
            "mailsetup plan | apply | diagnose | preflight | presets | sandbox (mailsetup --help)",
            options.UnsupportedMessage);
    }

    [Fact]
    public void TERM_unset_is_unsupported() => Assert.Equal("TERM is not set", Detect([], term: null).Unsupported);

    [Fact]
    public void Output_not_a_terminal_is_unsupported() => Assert.Equal("output is not a terminal", Detect([], stdout: false).Unsupported);

    [Fact]
    public void Input_not_a_terminal_is_unsupported() => Assert.Equal("input is not a terminal", Detect([], stdin: false).Unsupported);
}
