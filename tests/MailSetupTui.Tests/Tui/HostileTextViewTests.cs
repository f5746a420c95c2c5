using System.Text;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>
/// The UI with hostile text in directory names and a server greeting: each frame, as the loop composes it and as the diff
/// sends it, shows the escapes and holds no character that could drive the terminal.
/// </summary>
public sealed class HostileTextViewTests
{
    private const string Hostile = HostileTextTests.Hostile;
    private const string Escaped = HostileTextTests.Escaped;

    private static TuiState Hostile200x50(Pane focus) => Feed(SignedIn(200, 50, focus),
        new AppsLoadedMsg([new ExistingApp("170e9431-6456-41f0-88f8-1aaae866beaf", "94ec3d2b-42ab-4dc4-bd02-fa71a19de23d", Hostile, [])]),
        new MailboxesLoadedMsg([new MailboxRow("support@contoso.onmicrosoft.com", Hostile, true), .. Mailboxes(3)]));

    /// <summary>The frame as the loop composes it, and the bytes the diff sends for it to a blank terminal.</summary>
    private static (string Screen, string Sent) Frame(TuiState state, IReadOnlyTraceRing trace)
    {
        var frame = new TuiFrameComposer(TerminalOptions.Default).Compose(state, trace, state.Width, state.Height);
        using var output = new AnsiBuffer();
        new FrameDiff().Write(null, frame, output);
        return (frame.PlainText(), Encoding.UTF8.GetString(output.WrittenSpan));
    }

    private static void AssertSentNothingHostile(string sent)
    {
        // The diff's own sequences start with ESC [; nothing else may reach the terminal.
        Assert.DoesNotContain("\u001b]", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[2J\u001b]", sent, StringComparison.Ordinal);
        foreach (var c in "\u0007\u009b\u202E\u2066\u2069\r") Assert.DoesNotContain(c, sent);
    }

    [Theory]
    [InlineData(Pane.App)]
    [InlineData(Pane.Mailboxes)]
    public void A_hostile_directory_name_is_shown_escaped_and_never_sent_raw(Pane pane)
    {
        var (screen, sent) = Frame(Hostile200x50(pane), new TraceRing());

        HostileTextTests.AssertNothingReachesTheTerminal(screen);
        Assert.Contains(Escaped, screen, StringComparison.Ordinal);
        AssertSentNothingHostile(sent);
        Assert.Contains(Escaped, sent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_server_greeting_in_the_trace_is_shown_escaped_and_never_sent_raw()
    {
        var trace = new TraceRing();
        var state = Feed(Hostile200x50(Pane.Mailboxes), Key(' '), Key('5'), Key(MailSetupTui.Tui.Input.KeyName.Enter));
        state = Feed(state, trace, Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Greeting, 5, "* OK " + Hostile));

        var (screen, sent) = Frame(state, trace);

        HostileTextTests.AssertNothingReachesTheTerminal(screen);
        Assert.Contains("S: * OK " + Escaped, screen, StringComparison.Ordinal);
        AssertSentNothingHostile(sent);
    }

    [Fact]
    public void A_bidi_isolate_that_reaches_the_screen_buffer_is_drawn_as_a_replacement_character()
    {
        var buffer = new ScreenBuffer(10, 1);

        buffer.Write(0, 0, "a\u2066b\u202Ec\u001bd");

        Assert.Equal("a\uFFFDbcd", buffer.PlainText());
    }
}
