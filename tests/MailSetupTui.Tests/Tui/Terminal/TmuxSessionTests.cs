using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests.Tui.Terminal;

/// <summary>The harness itself, with commands simpler than mailsetup.</summary>
public sealed class TmuxSessionTests
{
    [Fact]
    public void Tmux_is_installed() => Assert.NotNull(TmuxSession.Executable);

    [Fact]
    public void What_a_command_prints_is_captured()
    {
        using var tmux = TmuxSession.Start("bash -c 'printf hello; sleep 30'", 40, 5);

        var screen = tmux.WaitForText("hello");

        Assert.Equal("hello", screen.Split('\n')[0]);
        Assert.False(tmux.IsAlternateScreenActive);
    }

    [Fact]
    public void Keys_and_text_reach_the_command()
    {
        using var tmux = TmuxSession.Start("cat", 40, 5);

        tmux.SendText("typed [literally]");
        tmux.SendKeys("Enter");

        tmux.WaitFor(screen => screen.Split('\n').Count(row => row == "typed [literally]") == 2, what: "the line echoed by the tty and by cat");
    }

    [Fact]
    public void The_environment_is_passed()
    {
        using var tmux =
            TmuxSession.Start("printf \"$GREETING\"; sleep 30", 40, 5, new Dictionary<string, string> { ["GREETING"] = "from the test" });

        tmux.WaitForText("from the test");
    }

    [Fact]
    public void The_alternate_screen_and_the_cursor_are_reported()
    {
        using var tmux = TmuxSession.Start("printf '\\033[?1049h\\033[?25lin the alternate screen'; sleep 30", 40, 5);

        tmux.WaitForText("in the alternate screen");

        Assert.True(tmux.IsAlternateScreenActive);
        Assert.False(tmux.IsCursorVisible);
    }

    [Fact]
    public void A_resize_is_seen_by_the_command()
    {
        using var tmux =
            TmuxSession.Start("trap 'echo resized to $(tput cols)x$(tput lines)' WINCH; echo ready; while true; do sleep 0.05; done", 40, 5);
        tmux.WaitForText("ready");

        tmux.Resize(50, 8);

        tmux.WaitForText("resized to 50x8");
    }
}
