using System.Diagnostics;
using System.Text.RegularExpressions;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

/// <summary>
/// The terminal layer end to end: the real mailsetup binary in its terminal self-test
/// (MAILSETUP_TERMINAL_SELFTEST=1) inside tmux. The shell screen printed before it must come
/// back, with the cursor, however the program ends.
/// </summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class TerminalSessionTmuxTests
{
    private const string Before = "shell screen before mailsetup";

    /// <summary>Program.cs runs the terminal self-test when this is 1 (a diagnostic for these tests only).</summary>
    private const string SelfTestVariable = "MAILSETUP_TERMINAL_SELFTEST";

    private static readonly Dictionary<string, string> SelfTest = new() { [SelfTestVariable] = "1" };

    /// <param name="term">TERM for mailsetup only (tmux sets the pane's own TERM, whatever -e says).</param>
    private static TmuxSession StartSelfTest(int width = 80, int height = 24, string[]? args = null, string? term = null) =>
        TmuxSession.Start(
            $"echo {TmuxSession.Quote(Before)}; {(term is null ? "" : $"TERM={term} ")}{BuiltProgram.CommandLine(args ?? [])}; echo \"exit=$?\"; " +
            $"sleep 60",
            width,
            height,
            SelfTest);

    private static string WaitForFrame(TmuxSession tmux)
    {
        var screen = tmux.WaitForText("selftest");
        Assert.True(tmux.IsAlternateScreenActive);
        Assert.False(tmux.IsCursorVisible);
        return screen;
    }

    private static void AssertShellScreenIsBack(TmuxSession tmux, string exit)
    {
        var screen = tmux.WaitForText($"exit={exit}");
        Assert.False(tmux.IsAlternateScreenActive);
        Assert.True(tmux.IsCursorVisible);
        Assert.Contains(Before, screen);
        Assert.DoesNotContain("selftest", screen);
    }

    [Fact]
    public void The_frame_is_drawn_in_the_alternate_screen_and_q_restores_the_shell()
    {
        using var tmux = StartSelfTest();

        var screen = WaitForFrame(tmux);

        var rows = screen.Split('\n');
        Assert.StartsWith("┌─mailsetup", rows[0]);
        Assert.Equal(80, rows[0].Length);
        Assert.Contains("size 80x24", screen);
        Assert.DoesNotContain(Before, screen);

        tmux.SendKeys("q");

        AssertShellScreenIsBack(tmux, "0");
    }

    [Fact]
    public void Application_cursor_keys_and_keypad_mode_are_reset_on_exit()
    {
        // Set before mailsetup starts, as hostile text printed earlier (or another program) leaves them: the shell's arrows
        // would send SS3 sequences. Leaving the UI puts both back to normal.
        using var tmux = TmuxSession.Start(
            $"printf '\\033[?1h\\033='; echo {TmuxSession.Quote(Before)}; {BuiltProgram.CommandLine([])}; echo \"exit=$?\"; sleep 60",
            environment: SelfTest);
        WaitForFrame(tmux);

        tmux.SendKeys("q");

        AssertShellScreenIsBack(tmux, "0");
        Assert.False(tmux.IsApplicationCursorKeys);
        Assert.False(tmux.IsApplicationKeypad);
    }

    [Fact]
    public void Ctrl_C_restores_the_shell()
    {
        using var tmux = StartSelfTest();
        WaitForFrame(tmux);

        tmux.SendKeys("C-c");

        AssertShellScreenIsBack(tmux, "130");
    }

    [Fact]
    public void SIGTERM_restores_the_shell()
    {
        using var tmux = StartSelfTest();
        var screen = WaitForFrame(tmux);
        var pid = int.Parse(Pid().Match(screen).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();

        AssertShellScreenIsBack(tmux, "143");
    }

    [Fact]
    public void A_crash_restores_the_shell()
    {
        using var tmux = StartSelfTest();
        WaitForFrame(tmux);

        tmux.SendText("!");

        var screen = tmux.WaitFor(s => ExitCode().IsMatch(s), what: "the exit code");
        Assert.NotEqual("0", ExitCode().Match(screen).Groups[1].Value);
        Assert.False(tmux.IsAlternateScreenActive);
        Assert.True(tmux.IsCursorVisible);
        Assert.Contains("selftest crash", screen);
    }

    [Theory]
    [InlineData("Tab", "Tab")]
    [InlineData("BTab", "BackTab")]
    [InlineData("F1", "F1")]
    [InlineData("F10", "F10")]
    [InlineData("Up", "Up")]
    [InlineData("PageDown", "PageDown")]
    [InlineData("Home", "Home")]
    [InlineData("Enter", "Enter")]
    [InlineData("Escape", "Escape")]
    [InlineData("Space", "Space")]
    [InlineData("j", "j")]
    [InlineData("?", "?")]
    [InlineData("/", "/")]
    [InlineData("3", "3")]
    public void Keys_arrive_as_the_key_they_are(string tmuxKey, string expected)
    {
        using var tmux = StartSelfTest();
        WaitForFrame(tmux);

        tmux.SendKeys(tmuxKey);

        tmux.WaitForText($"last key {expected} ");
        tmux.SendKeys("q");
        AssertShellScreenIsBack(tmux, "0");
    }

    [Fact]
    public void A_resize_redraws_for_the_new_size()
    {
        using var tmux = StartSelfTest();
        WaitForFrame(tmux);

        tmux.Resize(60, 12);

        var screen = tmux.WaitForText("size 60x12");
        var rows = screen.Split('\n');
        Assert.Equal(12, rows.Length);
        Assert.Equal(60, rows[0].Length);
        Assert.EndsWith("┐", rows[0]);
        tmux.SendKeys("q");
        AssertShellScreenIsBack(tmux, "0");
    }

    [Fact]
    public void ASCII_draws_ASCII_borders()
    {
        using var tmux = StartSelfTest(args: ["--ascii"]);

        var screen = tmux.WaitForText("selftest");

        Assert.StartsWith("+-mailsetup", screen);
        tmux.SendKeys("q");
        AssertShellScreenIsBack(tmux, "0");
    }

    [Fact]
    public void TERM_dumb_gets_a_pointer_to_the_commands_instead()
    {
        using var tmux = StartSelfTest(width: 220, term: "dumb");

        var screen = tmux.WaitForText("exit=2");

        Assert.Contains("mailsetup: the terminal UI needs an interactive terminal (TERM=dumb); use the commands instead:", screen);
        Assert.False(tmux.IsAlternateScreenActive);
    }

    [Fact]
    public async Task Output_that_is_not_a_terminal_gets_a_pointer_to_the_commands_instead()
    {
        var start = BuiltProgram.StartInfo();
        start.RedirectStandardInput = true;
        start.Environment[SelfTestVariable] = "1";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Empty(await stdout);
        Assert.Equal(TerminalOptions.MessageFor("output is not a terminal") + "\n", (await stderr).ReplaceLineEndings("\n"));
    }

    private static Regex Pid() => PidPattern;

    private static Regex ExitCode() => ExitPattern;

    private static readonly Regex PidPattern = new(@"pid (\d+)");
    private static readonly Regex ExitPattern = new(@"exit=(\d+)");
}
