using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Execution;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Core.Preflight;
using MailSetup.Testing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.View;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>Every screen as plain text at 120x40 and 80x24, snapshot-tested: what an admin on a jump host sees.</summary>
public sealed class TuiFrameTests
{
    public static TheoryData<string, int, int> Screens()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var screen in Builders.Keys)
        {
            data.Add(screen, 120, 40);
            data.Add(screen, 80, 24);
        }
        return data;
    }

    private static readonly Dictionary<string, Func<int, int, TraceRing, TuiState>> Builders = new()
    {
        ["tenant"] = (w, h, _) => SignedIn(w, h),
        ["tenant-device-code"] = (w, h, _) => TuiState.Initial(w, h, false, MailSetup.Core.Clouds.CloudCatalog.Global, Now, "contoso.com") is var s
            ? Feed(s, new DeviceCodeMsg("GX7K2PQ9M", "https://microsoft.com/devicelogin")) : s,
        ["app"] = (w, h, _) => SignedIn(w, h, Pane.App),
        ["permissions-gap"] = (w, h, _) => Feed(SignedIn(w, h, Pane.Permissions), Key(KeyName.Down), Key(KeyName.Down), Key(' '),
            new ConsentLoadedMsg(new HashSet<string>(["IMAP.AccessAsApp"])), new TokenRolesMsg(new HashSet<string>(["IMAP.AccessAsApp"]))),
        ["mailboxes-filtered"] =
            (w, h, _) =>
                Feed(SignedIn(w, h, Pane.Mailboxes, users: 2000), [Key('/'), .. Type("user01"), Key(KeyName.Enter), Key(KeyName.Down), Key(' ')]),
        ["diagnostics"] = (w, h, trace) => Diagnosed(SignedIn(w, h, Pane.Mailboxes), trace),
        ["help"] = (w, h, _) => Feed(SignedIn(w, h), Key('?')),
        ["plan-review"] = (w, h, _) => Feed(SignedIn(w, h), PlanReady()),
        ["plan-export"] = (w, h, _) => Feed(SignedIn(w, h), PlanReady(), Key('e')),
        ["apply-running"] = (w, h, _) => Applying(SignedIn(w, h)),
        ["quit-confirm"] = (w, h, _) => Feed(Applying(SignedIn(w, h)), Key('q')),
        ["apply-name-taken"] = (w, h, _) => Feed(SignedIn(w, h), PlanReady(), Key('a'), new AppNameTakenMsg("Contoso imap-app",
        [
            new ForeignApp("0b1f6a3e-6d2c-4f7a-9a51-3c2e8d7f4b10", "7c9e2d41-1a5b-4e8f-b3c6-9d0a2f4e6b81", "Contoso imap-app",
                new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero)),
        ])),
    };

    private static PlanReadyMsg PlanReady()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var text = new PlanRenderers([new TextPlanRenderer()]).Get("text").Render(plan);
        return new PlanReadyMsg(plan, text.Replace("\r", "").Split('\n'));
    }

    private static TuiState Applying(TuiState state)
    {
        var ready = PlanReady();
        state = Feed(state, ready, Key('a'));
        var steps = ready.Plan.Steps;
        for (var i = 0; i < 5; i++)
            state =
                Feed(state,
                    new ApplyStepMsg(
                        new StepEvent.Finished(i + 1, steps.Count, steps[i],
                            steps[i].Action == StepAction.Read ? StepOutcome.Read : StepOutcome.Changed,
                            TimeSpan.FromMilliseconds(40), null)));
        return Feed(state, new ApplyStepMsg(new StepEvent.Started(6, steps.Count, steps[5])));
    }

    private static TuiState Diagnosed(TuiState state, TraceRing trace)
    {
        state = Feed(state, Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('5'), Key('s'), Key(KeyName.Enter));
        state = Feed(state, trace,
            Trace(MailProtocol.Imap, TraceDirection.Info, TraceStage.Dns, 5, "127.0.0.1 is an address, no lookup"),
            Trace(MailProtocol.Imap, TraceDirection.Info, TraceStage.Tls, 120, "TLS Tls13 TLS_AES_256_GCM_SHA384 in 97.7 ms"),
            Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Greeting, 170, "* OK The Microsoft Exchange IMAP4 service is ready. [IMAP]"),
            Trace(MailProtocol.Imap, TraceDirection.Client, TraceStage.Auth, 179,
                "A2 AUTHENTICATE XOAUTH2 user=support@contoso.onmicrosoft.com auth=Bearer <token redacted: " +
                "aud=https://outlook.office365.com exp=2026-11-21T10:30:00Z>"),
            Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Auth, 192, "A2 OK AUTHENTICATE completed."),
            Trace(MailProtocol.Smtp, TraceDirection.Client, TraceStage.Auth, 13, "AUTH XOAUTH2"),
            Trace(MailProtocol.Smtp, TraceDirection.Server, TraceStage.Auth, 15, "334 "),
            Trace(MailProtocol.Smtp, TraceDirection.Server, TraceStage.Auth, 17,
                "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."));
        return Feed(state,
            new ProbeFinishedMsg(new ProbeVerdict(MailProtocol.Imap, true, "A2 OK AUTHENTICATE completed.", [])),
            new ProbeFinishedMsg(
                new ProbeVerdict(MailProtocol.Smtp, false,
                    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
                [new Finding("smtp-auth-disabled-tenant", FindingSeverity.Error, "Get-TransportConfig: SmtpClientAuthenticationDisabled True",
                    "SMTP AUTH is disabled for the tenant (the default since January 2020); this applies to OAuth too.",
                    "Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or for this mailbox only: " +
                    "Set-CASMailbox -Identity support@contoso.onmicrosoft.com -SmtpClientAuthenticationDisabled $false")])),
            new PreflightLinkMsg(PreflightLink.Pass("app", "App registration", "'Mail Relay'")),
            new DiagnosticsFinishedMsg("1 of 2 login(s) work for support@contoso.onmicrosoft.com"));
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public void Each_screen_matches_its_snapshot_and_fills_the_terminal_exactly(string screen, int width, int height)
    {
        var trace = new TraceRing();
        var frame = FrameText.Render(TuiView.Render(Builders[screen](width, height, trace), trace, new TuiTheme()), width, height);

        var rows = frame.TrimEnd('\n').Split('\n');
        Assert.Equal(height, rows.Length);
        Assert.All(rows, r => Assert.True(r.Length <= width, $"row longer than {width}: {r}"));
        Snapshot.Verify("MailSetupTui.Tests/Tui", $"frame.{screen}.{width}x{height}", frame);
    }

    [Fact]
    public void Ascii_borders_use_no_box_drawing_characters()
    {
        var frame = FrameText.Render(TuiView.Render(SignedIn(80, 24), new TuiTheme(Ascii: true)), 80, 24);
        Assert.DoesNotContain(frame, c => c is '╭' or '─' or '│' or '╰');
        Assert.Contains("+-", frame);
    }

    [Fact]
    public void A_new_secret_is_on_screen_once_and_gone_after_it_is_saved()
    {
        const string canary = "canary-secret-Zq8~value";
        var shown = Feed(SignedIn(80, 24, Pane.App), new SecretMsg(canary));
        Assert.Contains(canary, FrameText.Render(TuiView.Render(shown, new TuiTheme()), 80, 24));

        var saved = Feed(shown, new SecretSavedMsg("/home/admin/mail-relay.secret"));
        var frame = FrameText.Render(TuiView.Render(saved, new TuiTheme()), 80, 24);
        Assert.DoesNotContain(canary, frame);
        Assert.Contains("secret saved to /home/admin/mail-relay.secret (mode 0600)", frame);
    }

    [Fact]
    public void A_terminal_smaller_than_the_minimum_says_so()
    {
        var frame = FrameText.Render(TuiView.Render(SignedIn(30, 10), new TuiTheme()), 30, 10);
        Assert.Contains("needs at least", frame);
        Assert.Contains("40x12", frame);
    }
}
