using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class TerminalOptionsTests
{
    private static TerminalOptions Detect(string[] args, string? term = "xterm-256color", string? noColor = null, bool stdin = true,
        bool stdout = true) =>
        TerminalOptions.Detect(args, name => name switch { "TERM" => term, "NO_COLOR" => noColor, _ => null }, stdin, stdout);

    [Fact]
    public void AnInteractiveTerminalHasColourAndUnicodeBorders()
    {
        var options = Detect([]);

        Assert.True(options.IsSupported);
        Assert.True(options.Color);
        Assert.False(options.Ascii);
        Assert.Null(options.UnsupportedMessage);
    }

    [Fact]
    public void NoColorSetTurnsColourOff() => Assert.False(Detect([], noColor: "1").Color);

    [Fact]
    public void NoColorEmptyKeepsColour() => Assert.True(Detect([], noColor: "").Color);

    [Fact]
    public void NoColorFlagTurnsColourOff() => Assert.False(Detect(["--no-color"]).Color);

    [Fact]
    public void AsciiFlagGivesAsciiBorders()
    {
        var options = Detect(["--ascii"]);

        Assert.True(options.Ascii);
        Assert.False(options.Unicode);
    }

    [Fact]
    public void TermDumbIsUnsupportedWithAPointerToTheCommands()
    {
        var options = Detect([], term: "dumb");

        Assert.False(options.IsSupported);
        Assert.Equal(
            "mailsetup: the terminal UI needs an interactive terminal (TERM=dumb); use the commands instead: " +
            "mailsetup plan | apply | diagnose | preflight | presets | sandbox (mailsetup --help)",
            options.UnsupportedMessage);
    }

    [Fact]
    public void TermUnsetIsUnsupported() => Assert.Equal("TERM is not set", Detect([], term: null).Unsupported);

    [Fact]
    public void OutputNotATerminalIsUnsupported() => Assert.Equal("output is not a terminal", Detect([], stdout: false).Unsupported);

    [Fact]
    public void InputNotATerminalIsUnsupported() => Assert.Equal("input is not a terminal", Detect([], stdin: false).Unsupported);
}
