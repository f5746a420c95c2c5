using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests.Tui;

/// <summary>
/// The real binary in tmux against a fresh sandbox, by keyboard alone: set up imap-app for
/// support@, review the plan, apply it, run the IMAP diagnostics, see the streamed trace and the
/// success, quit, and find the shell screen as it was.
/// </summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class TuiEndToEndTests : IDisposable
{
    private const string Before = "shell screen before mailsetup";
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private TmuxSession Start(int width, int height, params string[] args) => TmuxSession.Start(
        $"echo {TmuxSession.Quote(Before)}; {BuiltProgram.CommandLine(args)}; echo \"exit=$?\"; sleep 60",
        width, height,
        new Dictionary<string, string> { ["XDG_STATE_HOME"] = _state.Path, ["TERM"] = "xterm-256color" });

    [Theory]
    [InlineData(120, 40)]
    [InlineData(80, 24)]
    public void Set_up_imap_for_support_by_keyboard_apply_diagnose_and_quit(int width, int height)
    {
        using var tmux = Start(width, height);

        tmux.WaitForText("signed in", Slow);
        Assert.True(tmux.IsAlternateScreenActive);
        Assert.Contains("sandbox", tmux.Capture());

        tmux.SendKeys("4");
        tmux.WaitForText("support@contoso.onmicrosoft.com", Slow);
        tmux.SendKeys("Down", "Down", "Down", "Space");
        tmux.WaitForText("[x] support@contoso.onmicrosoft.com");

        tmux.SendKeys("p");
        var review = tmux.WaitForText("Plan review", Slow);
        Assert.Contains("nothing has changed yet", review);
        tmux.SendKeys("PageDown", "PageUp");
        tmux.SendKeys("a");
        var applied = tmux.WaitForText("Done: ", Slow);
        Assert.Contains("failed 0", applied);

        tmux.SendKeys("Enter");
        tmux.WaitForText("New client secret (shown once");
        tmux.SendKeys("d");
        tmux.WaitForText("the secret was dismissed");

        tmux.SendKeys("5", "Enter");
        var diagnosed = tmux.WaitForText("imap: login works", Slow);
        Assert.Contains("A2 OK AUTHENTICATE completed.", diagnosed);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{8,}\.", diagnosed);

        // The login line may have scrolled out of a small pane: search the trace for it.
        tmux.SendKeys("/");
        tmux.SendText("XOAUTH2");
        tmux.SendKeys("Enter");
        var found = tmux.WaitForText("<token redacted");
        Assert.Contains("auth=Bearer", found);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{8,}\.", found);

        tmux.SendKeys("q");
        var after = tmux.WaitForText("exit=0", Slow);
        Assert.False(tmux.IsAlternateScreenActive);
        Assert.True(tmux.IsCursorVisible);
        Assert.Contains(Before, after);
        Assert.DoesNotContain("Diagnostics", after);
    }

    [Fact]
    public void A_delegated_app_is_diagnosed_with_a_device_code_sign_in_as_the_mailbox_user()
    {
        using var tmux = Start(120, 40);
        tmux.WaitForText("signed in", Slow);

        // Presets: imap-app off, delegated-mail on (the seventh).
        tmux.SendKeys("3");
        tmux.WaitForText("Presets (Space toggles");
        tmux.SendKeys("Space", "Down", "Down", "Down", "Down", "Down", "Down", "Space");
        tmux.WaitForText("› [x] delegated-mail");
        // The first user mailbox, after the four shared ones.
        tmux.SendKeys("4");
        tmux.WaitForText("adele");
        tmux.SendKeys("Down", "Down", "Down", "Down", "Space");
        tmux.WaitForText("1 selected");
        tmux.SendKeys("p");
        tmux.WaitForText("Plan review", Slow);
        tmux.SendKeys("a");
        tmux.WaitForText("Done: ", Slow);
        tmux.SendKeys("Enter");
        // A device-code app is a public client: the apply made no secret to show.
        tmux.SendKeys("5");
        Assert.DoesNotContain("New client secret", tmux.WaitForText("Diagnostics"));
        tmux.SendKeys("a");
        tmux.WaitForText("auth device code (delegated)");
        tmux.SendKeys("Enter");

        tmux.WaitForText("imap: login works", Slow);
        // The sign-in went by in the trace: search for it.
        tmux.SendKeys("/");
        tmux.SendText("sandbox sign-in");
        tmux.SendKeys("Enter");
        tmux.WaitForText("approved by the sand");
        tmux.SendKeys("q");
        tmux.WaitForText("exit=0", Slow);
    }

    [Fact]
    public void Help_lists_the_keys_and_ctrl_c_restores_the_terminal()
    {
        using var tmux = Start(80, 24, "--ascii");
        tmux.WaitForText("signed in", Slow);
        Assert.DoesNotContain("╭", tmux.Capture());

        tmux.SendKeys("F1");
        var help = tmux.WaitForText("Keys (keyboard only");
        Assert.Contains("q F10 Ctrl+C", help);
        tmux.SendKeys("Escape", "C-c");

        tmux.WaitForText("exit=0", Slow);
        Assert.False(tmux.IsAlternateScreenActive);
        Assert.True(tmux.IsCursorVisible);
    }

    [Fact]
    public void A_resize_redraws_the_frame_at_the_new_size()
    {
        using var tmux = Start(120, 40);
        tmux.WaitForText("signed in", Slow);
        tmux.Resize(80, 24);
        var screen = tmux.WaitFor(s => s.Split('\n')[0].Contains("4 Mailbox ", StringComparison.Ordinal), Slow, "the short tab names of 80 columns");
        Assert.All(screen.TrimEnd('\n').Split('\n'), row => Assert.True(row.Length <= 80, row));
        tmux.SendKeys("q");
        tmux.WaitForText("exit=0", Slow);
    }
}
