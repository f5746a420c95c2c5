using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Execution;
using MailSetup.Testing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Terminal;
using MailSetupTui.Tui.View;
using Spectre.Console;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>What the plain-text snapshots cannot show: focus, selection, errors and warnings carry their styles, with and without colour.</summary>
public sealed class TuiStyleTests
{
    private static readonly TerminalColor Red = TerminalColor.FromSpectre(Color.Red);
    private static readonly TerminalColor Green = TerminalColor.FromSpectre(Color.Green);
    private static readonly TerminalColor Yellow = TerminalColor.FromSpectre(Color.Yellow);

    private static ScreenBuffer Screen(TuiState state, bool color = true) =>
        FrameText.Buffer(TuiView.Render(state, new TuiTheme()), state.Width, state.Height, color);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_focused_tab_and_the_cursor_row_are_inverted_with_or_without_colour(bool color)
    {
        var screen = Screen(Feed(SignedIn(focus: Pane.Mailboxes), Key(KeyName.Down)), color);

        Assert.True(FrameText.StyleOf(screen, " 4 Mailboxes ").Has(CellAttributes.Invert));
        Assert.False(FrameText.StyleOf(screen, " 1 Tenant ").Has(CellAttributes.Invert));
        Assert.True(FrameText.StyleOf(screen, "› [ ] noreply@").Has(CellAttributes.Invert));
        Assert.False(FrameText.StyleOf(screen, "  [ ] sales@").Has(CellAttributes.Invert));
    }

    [Fact]
    public void Without_colour_no_cell_has_a_colour()
    {
        var screen = Screen(Feed(SignedIn(focus: Pane.Permissions), Key(' '), new ConsentLoadedMsg(new HashSet<string>())), color: false);
        for (var y = 0; y < screen.Height; y++)
            for (var x = 0; x < screen.Width; x++)
                Assert.True(screen[x, y].Style.Foreground.IsDefault && screen[x, y].Style.Background.IsDefault, $"colour at {x},{y}");
    }

    [Fact]
    public void A_selected_mailbox_stands_out_from_the_others()
    {
        var screen = Screen(Feed(SignedIn(focus: Pane.Mailboxes), Key(' '), Key(KeyName.Down), Key(KeyName.Down)));
        var selected = FrameText.StyleOf(screen, "  [x] archive@");
        Assert.True(selected.Has(CellAttributes.Bold));
        Assert.NotEqual(TerminalColor.Default, selected.Foreground);
    }

    [Fact]
    public void A_permission_gap_is_a_warning_and_a_missing_consent_an_error()
    {
        var screen = Screen(Feed(SignedIn(focus: Pane.Permissions), new ConsentLoadedMsg(new HashSet<string>())));
        Assert.Equal(Yellow, FrameText.StyleOf(screen, "Exchange IMAP.AccessAsApp").Foreground);
        Assert.Equal(Red, FrameText.StyleOf(screen, "[✗]").Foreground);
    }

    [Fact]
    public void A_failed_login_is_red_a_working_one_green_and_an_error_finding_a_warning()
    {
        var state = Feed(SignedIn(focus: Pane.Diagnostics),
            new ProbeFinishedMsg(new ProbeVerdict(MailProtocol.Imap, true, "A2 OK AUTHENTICATE completed.", [])),
            new ProbeFinishedMsg(new ProbeVerdict(MailProtocol.Pop, false, "-ERR Authentication failure: unknown user name or bad password.",
                [new Finding("consent-missing-role", FindingSeverity.Error, "e", "The application permission POP.AccessAsApp is not consented.",
                    "grant it")])));
        var screen = Screen(state);

        Assert.Equal(Green, FrameText.StyleOf(screen, "imap: login works").Foreground);
        Assert.Equal(Red, FrameText.StyleOf(screen, "pop: login FAILED").Foreground);
        Assert.Equal(Yellow, FrameText.StyleOf(screen, "[error] The application permission").Foreground);
    }

    [Fact]
    public void The_apply_view_shows_failures_in_red_and_the_help_shows_keys_inverted()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var applying = Feed(SignedIn(), new PlanReadyMsg(plan, ["x"]), Key('a'),
            new ApplyStepMsg(new StepEvent.Finished(1, plan.Steps.Count, plan.Steps[0], StepOutcome.Failed, TimeSpan.Zero, "403")));
        Assert.Equal(Red, FrameText.StyleOf(Screen(applying), "failed 1").Foreground);

        var help = Screen(Feed(SignedIn(), Key('?')));
        Assert.True(FrameText.StyleOf(help, "Tab / Shift+Tab").Has(CellAttributes.Invert));
    }

    [Fact]
    public void The_plan_review_warns_that_nothing_has_changed_yet()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var screen = Screen(Feed(SignedIn(), new PlanReadyMsg(plan, ["x"])));
        var style = FrameText.StyleOf(screen, "steps; nothing has changed yet");
        Assert.Equal(Yellow, style.Foreground);
        Assert.True(style.Has(CellAttributes.Bold));
    }
}
