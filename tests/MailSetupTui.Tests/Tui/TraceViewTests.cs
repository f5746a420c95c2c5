using System.Collections.Concurrent;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;
using MailSetupTui.Tui.View;
using Spectre.Console;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>
/// The trace pane from real trace lines: a probe's events go through the UI's sink into the loop's
/// ring as their parts, and the pane colours, filters and searches by those parts.
/// </summary>
public sealed class TraceViewTests
{
    private static readonly TuiTheme Theme = new();

    /// <summary>The Diagnostics pane with support@ selected and a login started, as after Enter.</summary>
    private static TuiState Diagnosing(int width = 120, int height = 40) =>
        Feed(SignedIn(width, height, Pane.Mailboxes), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('5'),
            Key(KeyName.Enter));

    private static ScreenBuffer Screen(TuiState state, IReadOnlyTraceRing trace) =>
        FrameText.Buffer(TuiView.Render(state, trace, Theme), state.Width, state.Height);

    [Fact]
    public async Task A_real_imap_probe_through_the_sink_shows_client_and_server_lines_in_their_own_colours()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System);
        await using var servers = await SandboxMailServers.StartAsync(tenant);
        var posted = new ConcurrentQueue<Msg>();
        var endpoint = servers.Imap;

        // A token the sandbox refuses: the conversation still has both sides, and the refusal.
        var result = await new ImapProbe().RunAsync(new MailProbeRequest
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Tls = endpoint.Tls,
            Mailbox = "support@contoso.onmicrosoft.com",
            Token = "not-a-token-canary-7Qx",
            Options = new MailConnectionOptions { TrustedCertificates = [servers.Certificate], ReadTimeout = TimeSpan.FromSeconds(30) },
            TraceSink = new TuiTraceSink(MailProtocol.Imap, posted.Enqueue),
        }, CancellationToken.None);

        var trace = new TraceRing();
        var state = Feed(Diagnosing(), trace, [.. posted]);
        Assert.Equal(result.Trace.Count, trace.Count);
        var screen = Screen(state, trace);
        Assert.DoesNotContain("canary-7Qx", screen.PlainText(), StringComparison.Ordinal);

        var client = TerminalColor.FromSpectre(Theme.Client.Foreground);
        var server = TerminalColor.FromSpectre(Theme.Server.Foreground);
        var info = TerminalColor.FromSpectre(Theme.Info.Foreground);
        Assert.NotEqual(client, server);
        var seen = new HashSet<TraceDirection>();
        foreach (var e in result.Trace)
        {
            // The pane shows each event exactly as the export writes it (long ones continue on the next row).
            var shown = TraceExport.Line(e);
            var start = shown[..Math.Min(shown.Length, 60)];
            if (!screen.PlainText().Contains(start, StringComparison.Ordinal)) continue;
            var expected = e.Direction switch
            {
                TraceDirection.Client => client,
                TraceDirection.Server => server,
                _ when e.Text.Contains("failed", StringComparison.OrdinalIgnoreCase) => TerminalColor.FromSpectre(Theme.Error.Foreground),
                _ => info,
            };
            Assert.True(expected == FrameText.StyleOf(screen, start).Foreground,
                $"{e.Direction} line '{shown}' has the wrong colour:\n{screen.PlainText()}");
            seen.Add(e.Direction);
        }
        Assert.Equal([TraceDirection.Client, TraceDirection.Server, TraceDirection.Info], seen.Order());
    }

    private static readonly Msg[] Mixed =
    [
        new TraceMsg(TraceLine.Token("token for app 3f1c: client credentials")),
        Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Greeting, 170, "* OK The Microsoft Exchange IMAP4 service is ready."),
        Trace(MailProtocol.Imap, TraceDirection.Client, TraceStage.Auth, 179,
            "A2 AUTHENTICATE XOAUTH2 user=support@contoso.onmicrosoft.com auth=Bearer <token redacted>"),
        Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Auth, 192, "A2 OK AUTHENTICATE completed."),
        Trace(MailProtocol.Smtp, TraceDirection.Client, TraceStage.Auth, 13, "AUTH XOAUTH2"),
        Trace(MailProtocol.Smtp, TraceDirection.Server, TraceStage.Auth, 17, "535 5.7.139 Authentication unsuccessful"),
        Trace(MailProtocol.Smtp, TraceDirection.Info, TraceStage.Connect, 20, "connect failed: refused"),
    ];

    [Fact]
    public void The_protocol_filter_keeps_one_protocols_lines_and_hides_the_token_steps()
    {
        var trace = new TraceRing();
        var all = Feed(Diagnosing(), trace, Mixed);
        var text = Screen(all, trace).PlainText();
        Assert.Contains("token token for app 3f1c", text, StringComparison.Ordinal);
        Assert.Contains("smtp +0.017s auth     S: 535 5.7.139", text, StringComparison.Ordinal);

        var smtp = Screen(Feed(all, Key('t'), Key('t'), Key('t')), trace).PlainText();
        Assert.Contains("protocol SMTP", smtp, StringComparison.Ordinal);
        Assert.Contains("smtp +0.013s auth     C: AUTH XOAUTH2", smtp, StringComparison.Ordinal);
        Assert.DoesNotContain("A2 OK AUTHENTICATE", smtp, StringComparison.Ordinal);
        Assert.DoesNotContain("token for app", smtp, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_finds_what_the_line_shows_arrow_and_stage_included()
    {
        var trace = new TraceRing();
        var searched = Feed(Feed(Diagnosing(), trace, Mixed), [Key('/'), .. Type("auth     s: a2"), Key(KeyName.Enter)]);
        var text = Screen(searched, trace).PlainText();
        Assert.Contains("imap +0.192s auth     S: A2 OK AUTHENTICATE completed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("C: A2 AUTHENTICATE", text, StringComparison.Ordinal);
        Assert.DoesNotContain("535 5.7.139", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_note_is_red_and_a_token_step_is_an_info_line()
    {
        var trace = new TraceRing();
        var screen = Screen(Feed(Diagnosing(), trace, Mixed), trace);
        Assert.Equal(TerminalColor.FromSpectre(Color.Red), FrameText.StyleOf(screen, "+0.020s connect  -- connect failed").Foreground);
        Assert.Equal(TerminalColor.FromSpectre(Theme.Info.Foreground), FrameText.StyleOf(screen, "token for app 3f1c").Foreground);
        Assert.Equal(TerminalColor.FromSpectre(Theme.Client.Foreground), FrameText.StyleOf(screen, "+0.013s auth     C: AUTH XOAUTH2").Foreground);
    }

    [Fact]
    public void A_new_run_starts_an_empty_pane_while_the_ring_keeps_the_old_lines()
    {
        var trace = new TraceRing();
        var first = Feed(Diagnosing(), trace, Mixed);
        Assert.Equal(Mixed.Length, first.Diagnostics.Trace.Count);

        var done = Feed(first, new DiagnosticsFinishedMsg("done"));
        var again = Feed(done, trace, Key(KeyName.Enter), Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Greeting, 5, "* OK second run"));
        Assert.Equal(1, again.Diagnostics.Trace.Count);
        Assert.Equal(Mixed.Length + 1, trace.Count);
        var text = Screen(again, trace).PlainText();
        Assert.Contains("trace (1 lines", text, StringComparison.Ordinal);
        Assert.Contains("* OK second run", text, StringComparison.Ordinal);
        Assert.DoesNotContain("535 5.7.139", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_the_ring_evicted_leave_the_count_and_scrolling_back_stops_at_the_oldest_held()
    {
        var trace = new TraceRing(capacity: 5);
        var state =
            Feed(Diagnosing(), trace,
                [.. Enumerable.Range(1, 12)
                    .Select(i => (Msg)Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Command, i, $"* {i} EXISTS"))]);
        Assert.Equal(5, state.Diagnostics.Trace.Count);
        var top = Feed(state, Key(KeyName.Home));
        Assert.Equal(4, top.Diagnostics.ScrollBack);
        Assert.Contains("trace (5 lines, scrolled back 4", Screen(top, trace).PlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_pure_update_refuses_a_trace_line_that_skipped_the_ring()
    {
        Assert.Throws<ArgumentException>(() => TuiUpdate.Update(Diagnosing(), Mixed[0]));
    }
}
