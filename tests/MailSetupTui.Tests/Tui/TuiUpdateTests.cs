using MailSetup.Core.Catalog;
using MailSetup.Core.Execution;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Plans;
using MailSetup.Testing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>The update, message by message: keys, resizes, trace lines, progress and results.</summary>
public sealed class TuiUpdateTests
{
    [Fact]
    public void Tab_and_shift_tab_cycle_the_panes_and_digits_jump()
    {
        var state = SignedIn();
        Assert.Equal(Pane.App, Feed(state, Key(KeyName.Tab)).Focus);
        Assert.Equal(Pane.Diagnostics, Feed(state, Key(KeyName.BackTab)).Focus);
        Assert.Equal(Pane.Tenant, Feed(state, Key(KeyName.Tab), Key(KeyName.Tab), Key(KeyName.Tab), Key(KeyName.Tab), Key(KeyName.Tab)).Focus);
        Assert.Equal(Pane.Mailboxes, Feed(state, Key('4')).Focus);
    }

    [Fact]
    public void Q_quits_at_once_when_idle_and_asks_first_while_work_runs()
    {
        var (idle, effects) = Run(SignedIn(), Key('q'));
        Assert.True(idle.Quit);
        Assert.IsType<QuitEffect>(Assert.Single(effects));

        var running = SignedIn() with { Diagnostics = SignedIn().Diagnostics with { Running = true } };
        var (asked, none) = Run(running, Key(KeyName.F10));
        Assert.False(asked.Quit);
        Assert.Empty(none);
        Assert.IsType<ConfirmQuitOverlay>(asked.Overlay);

        Assert.Null(Feed(asked, Key('n')).Overlay);
        var (quit, quitting) = Run(asked, Key('y'));
        Assert.True(quit.Quit);
        Assert.Contains(quitting, e => e is CancelWorkEffect);
        Assert.Contains(quitting, e => e is QuitEffect);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("F10")]
    [InlineData("Ctrl+C")]
    public void Quitting_with_an_unsaved_new_secret_asks_first_naming_it_and_only_y_quits(string how)
    {
        const string canary = "canary-secret-Qx7~unsaved";
        var shown = Feed(SignedIn(focus: Pane.App), new SecretMsg(canary, "mailsetup 2026-12-08"));
        var quitKey = how switch
        {
            "q" => Key('q'),
            "F10" => Key(KeyName.F10),
            _ => new KeyMsg(KeyPress.CtrlOf('c')),
        };

        var (asked, none) = Run(shown, quitKey);

        Assert.False(asked.Quit);
        Assert.Empty(none);
        Assert.Equal("mailsetup 2026-12-08", Assert.IsType<ConfirmQuitOverlay>(asked.Overlay).UnsavedSecret);
        // The default key and a second quit key stay; the secret is still there to save.
        foreach (var stay in new[] { Key(KeyName.Enter), quitKey, Key('q'), Key('n') })
        {
            var (stayed, effects) = Run(asked, stay);
            Assert.False(stayed.Quit);
            Assert.DoesNotContain(effects, e => e is QuitEffect);
            Assert.Equal(canary, stayed.App.NewSecret);
        }
        Assert.True(Feed(asked, Key('y')).Quit);

        var saved = Feed(shown, new SecretSavedMsg("/tmp/x"));
        Assert.True(Feed(saved, quitKey).Quit);
    }

    [Fact]
    public void Ctrl_c_quits_even_while_typing_a_filter()
    {
        var typing = Feed(SignedIn(focus: Pane.Mailboxes), Key('/'), Key('s'));
        Assert.True(typing.Typing);
        var (state, effects) = Run(typing, new KeyMsg(KeyPress.CtrlOf('c')));
        Assert.True(state.Quit);
        Assert.Contains(effects, e => e is QuitEffect);
    }

    [Fact]
    public void Help_opens_with_question_mark_or_f1_even_while_typing_and_esc_closes_it()
    {
        Assert.IsType<HelpOverlay>(Feed(SignedIn(), Key('?')).Overlay);
        var typing = Feed(SignedIn(focus: Pane.Mailboxes), Key('/'));
        Assert.IsType<HelpOverlay>(Feed(typing, Key(KeyName.F1)).Overlay);
        Assert.Null(Feed(SignedIn(), Key('?'), Key(KeyName.Escape)).Overlay);
    }

    [Fact]
    public void The_mailbox_filter_takes_digits_and_q_as_text_and_narrows_the_list()
    {
        var state = Feed(SignedIn(focus: Pane.Mailboxes), [Key('/'), .. Type("user001q")]);
        Assert.Equal(Pane.Mailboxes, state.Focus);
        Assert.False(state.Quit);
        Assert.Equal("user001q", state.Mailboxes.Filter.Text);
        Assert.Empty(state.Mailboxes.Visible);

        state = Feed(state, Key(KeyName.Backspace), Key(KeyName.Enter));
        Assert.Null(state.Mailboxes.Editing);
        Assert.Equal(10, state.Mailboxes.Visible.Count); // user0010 to user0019
    }

    [Fact]
    public void Space_selects_the_mailbox_under_the_cursor_and_page_keys_move_by_a_page()
    {
        var state = Feed(SignedIn(focus: Pane.Mailboxes), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '));
        Assert.Equal(["support@contoso.onmicrosoft.com"], state.Mailboxes.Selected);

        var page = TuiLayout.ListRows(state.Height);
        Assert.Equal(3 + page, Feed(state, Key(KeyName.PageDown)).Mailboxes.Cursor);
        Assert.Equal(state.Mailboxes.Visible.Count - 1, Feed(state, Key(KeyName.End)).Mailboxes.Cursor);
        Assert.Equal(0, Feed(state, Key(KeyName.End), Key(KeyName.Home)).Mailboxes.Cursor);
        Assert.Empty(Feed(state, Key(' ')).Mailboxes.Selected);
    }

    [Fact]
    public void P_asks_for_a_plan_of_exactly_the_chosen_presets_app_and_mailboxes()
    {
        var state = Feed(SignedIn(focus: Pane.Permissions), Key(KeyName.Down), Key(KeyName.Down), Key(' ')); // smtp-app on, imap-app stays
        state = Feed(state, Key('4'), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('s'));

        var (_, effects) = Run(state, Key('p'));

        var input = Assert.IsType<BuildPlanEffect>(Assert.Single(effects)).Input;
        Assert.Equal("imap-app,smtp-app", input.Presets);
        Assert.Equal("Mail Relay", input.AppName);
        Assert.Null(input.AppId);
        Assert.Equal(["support@contoso.onmicrosoft.com"], input.Mailboxes);
        Assert.True(input.SendAs);
    }

    [Fact]
    public void Editing_the_app_name_then_adopting_an_existing_app_plans_with_its_id()
    {
        var state =
            Feed(SignedIn(focus: Pane.App),
                [Key(KeyName.Enter), .. Enumerable.Repeat<Msg>(Key(KeyName.Backspace), 5), .. Type("Gateway"), Key(KeyName.Enter)]);
        Assert.Equal("Mail Gateway", state.App.Name.Text);
        Assert.False(state.Typing);

        state = Feed(state, Key(KeyName.Down), Key(KeyName.Enter));
        Assert.Equal("170e9431-6456-41f0-88f8-1aaae866beaf", state.App.AdoptedAppId);
        var input = ((BuildPlanEffect)Run(state, Key('p')).Effects.Single()).Input;
        Assert.Equal("170e9431-6456-41f0-88f8-1aaae866beaf", input.AppId);
        Assert.Null(input.AppName);
    }

    [Fact]
    public void The_plan_review_scrolls_applies_and_the_apply_view_counts_progress()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var lines = Enumerable.Range(1, 200).Select(i => $"line {i}").ToList();
        var state = Feed(SignedIn(), new PlanReadyMsg(plan, lines), Key(KeyName.PageDown), Key('j'));
        var review = Assert.IsType<PlanReviewOverlay>(state.Overlay);
        Assert.Equal(TuiLayout.BodyRows(40) - 1 + 1, review.Scroll);

        var (applying, effects) = Run(state, Key('a'));
        Assert.Same(plan, Assert.IsType<ApplyEffect>(Assert.Single(effects)).Plan);
        var step = plan.Steps[0];
        applying = Feed(applying,
            new ApplyStepMsg(new StepEvent.Started(1, plan.Steps.Count, step)),
            new ApplyStepMsg(new StepEvent.Finished(1, plan.Steps.Count, step, StepOutcome.Changed, TimeSpan.FromMilliseconds(12), null)),
            new ApplyStepMsg(
                new StepEvent.Finished(2, plan.Steps.Count, plan.Steps[1], StepOutcome.Failed, TimeSpan.FromMilliseconds(12), "403 Forbidden")));
        var apply = Assert.IsType<ApplyOverlay>(applying.Overlay);
        Assert.Equal((2, 1, 1), (apply.Done, apply.Changed, apply.Failed));
        Assert.Equal("a plan is being applied", applying.RunningWork);
        // An apply runs to its end: Esc does not abandon it half way.
        Assert.Same(applying.Overlay, Feed(applying, Key(KeyName.Escape)).Overlay);

        var finished =
            Feed(applying,
                new ApplyFinishedMsg(new ApplyResult([], new Dictionary<string, string> { ["app.appId"] = "0f0f0f0f-1111-4222-8333-444455556666" })));
        Assert.True(((ApplyOverlay)finished.Overlay!).Finished);
        Assert.Equal("0f0f0f0f-1111-4222-8333-444455556666", finished.App.AdoptedAppId);
        Assert.Null(Feed(finished, Key(KeyName.Enter)).Overlay);

        var rerun = Feed(applying, new ApplyFinishedMsg(new ApplyResult([], new Dictionary<string, string>())
            { ExistingSecretMade = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero) }));
        Assert.Equal("a secret made on 2026-11-22 exists; none created (the app keeps using it)", rerun.App.Notice);
    }

    [Fact]
    public void Export_takes_a_format_and_a_file_name()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var state =
            Feed(SignedIn(),
                [new PlanReadyMsg(plan, ["x"]), Key('e'), Key(KeyName.Tab), Key(KeyName.Tab), .. Enumerable.Repeat<Msg>(Key(KeyName.Backspace), 40),
                    .. Type("plan.http")]);
        Assert.True(state.Typing);

        var (_, effects) = Run(state, Key(KeyName.Enter));

        var export = Assert.IsType<ExportPlanEffect>(Assert.Single(effects));
        Assert.Equal(("http", "plan.http"), (export.Format, export.Path));
    }

    [Fact]
    public void Diagnostics_need_a_mailbox_then_stream_trace_lines_scroll_back_follow_and_cancel()
    {
        var state = SignedIn(focus: Pane.Diagnostics) with { Mailboxes = SignedIn().Mailboxes with { Cursor = -1 } };
        var (nothing, none) = Run(state, Key(KeyName.Enter));
        Assert.Empty(none);
        Assert.Contains("pick a mailbox", nothing.Status);

        state = Feed(SignedIn(focus: Pane.Mailboxes), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('5'), Key('s'));
        var (running, effects) = Run(state, Key(KeyName.Enter));
        var diagnose = Assert.IsType<DiagnoseEffect>(Assert.Single(effects));
        Assert.Equal([MailProtocol.Imap, MailProtocol.Smtp], diagnose.Protocols);
        Assert.Equal("support@contoso.onmicrosoft.com", diagnose.Mailbox);
        Assert.True(running.Diagnostics.Running);

        var trace = new TraceRing();
        running =
            Feed(running, trace,
                Enumerable.Range(1, 30).Select(i => (Msg)Trace(MailProtocol.Imap, TraceDirection.Server, TraceStage.Command, i, $"* {i} EXISTS"))
                    .ToArray());
        Assert.Equal(30, running.Diagnostics.Trace.Count);
        Assert.Equal(30, trace.Count);
        var back = Feed(running, Key(KeyName.Up), Key(KeyName.Up));
        Assert.Equal((2, false), (back.Diagnostics.ScrollBack, back.Diagnostics.Follow));
        Assert.True(Feed(back, Key(KeyName.End)).Diagnostics.Follow);

        var (cancelling, cancel) = Run(running, Key(KeyName.Escape));
        Assert.IsType<CancelWorkEffect>(Assert.Single(cancel));
        var done =
            Feed(cancelling, new ProbeFinishedMsg(new ProbeVerdict(MailProtocol.Imap, true, "A2 OK AUTHENTICATE completed.", [])),
                new DiagnosticsFinishedMsg("cancelled"));
        Assert.False(done.Diagnostics.Running);
        Assert.Single(done.Diagnostics.Verdicts!);
    }

    [Fact]
    public void A_new_secret_is_shown_saved_on_request_and_never_printed_by_the_state()
    {
        const string canary = "canary-secret-Zq8~value";
        var state = Feed(SignedIn(focus: Pane.App), new SecretMsg(canary));
        Assert.Equal(canary, state.App.NewSecret);
        Assert.DoesNotContain(canary, state.ToString());
        Assert.DoesNotContain(canary, new SecretMsg(canary).ToString());

        var (saving, effects) = Run(state, Key('s'), Key(KeyName.Enter));
        var save = Assert.IsType<SaveSecretEffect>(Assert.Single(effects));
        Assert.Equal("mail-relay.secret", save.Path);
        Assert.DoesNotContain(canary, save.ToString());
        Assert.Null(Feed(saving, new SecretSavedMsg("/tmp/x")).App.NewSecret);
    }

    [Fact]
    public void Resize_changes_the_size_and_nothing_else()
    {
        var state = SignedIn();
        var resized = Feed(state, new ResizeMsg(80, 24));
        Assert.Equal((80, 24), (resized.Width, resized.Height));
        Assert.Equal(state with { Width = 80, Height = 24 }, resized);
    }
}

public sealed class TuiUpdateTenantAndAppTests
{
    [Fact]
    public void O_signs_out_when_idle_and_the_panes_forget_the_tenant()
    {
        var (state, effects) = Run(SignedIn(), Key('o'));
        Assert.IsType<SignOutEffect>(Assert.Single(effects));

        var signedOut = Feed(state, new SignedOutMsg());
        Assert.Equal(SignInStatus.NotSignedIn, signedOut.Tenant.Status);
        Assert.Null(signedOut.App.Existing);
        Assert.Empty(signedOut.Mailboxes.All);
        Assert.IsType<SignInEffect>(Assert.Single(Run(signedOut, Key('r')).Effects));
    }

    [Fact]
    public void Slash_finds_apps_by_name_and_adopting_picks_from_what_is_shown()
    {
        var state = Feed(SignedIn(focus: Pane.App), new AppsLoadedMsg(
        [
            new ExistingApp("11111111-1111-4111-8111-111111111111", "a", "Helpdesk Reader", []),
            new ExistingApp("22222222-2222-4222-8222-222222222222", "b", "Mail Relay", []),
        ]));
        state = Feed(state, [Key('/'), .. Type("relay"), Key(KeyName.Enter), Key(KeyName.Down), Key(KeyName.Enter)]);

        Assert.Equal(["Mail Relay"], state.App.Visible.Select(a => a.DisplayName));
        Assert.Equal("22222222-2222-4222-8222-222222222222", state.App.AdoptedAppId);
    }
}

public sealed class TuiUpdateAppSetupTests
{
    [Fact]
    public void Adopting_an_app_or_selecting_a_mailbox_reads_what_the_app_may_do_there()
    {
        var adopted = Run(SignedIn(focus: Pane.App), Key(KeyName.Down), Key(KeyName.Enter));
        var read = Assert.IsType<ReadAppSetupEffect>(Assert.Single(adopted.Effects));
        Assert.Equal("170e9431-6456-41f0-88f8-1aaae866beaf", read.AppId);

        var selected = Run(adopted.State, Key('4'), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '));
        Assert.Equal(["support@contoso.onmicrosoft.com"], Assert.IsType<ReadAppSetupEffect>(Assert.Single(selected.Effects)).Mailboxes);

        var shown = Feed(selected.State, new MailboxAccessMsg("170e9431-6456-41f0-88f8-1aaae866beaf",
            new Dictionary<string, MailboxAccess> { ["support@contoso.onmicrosoft.com"] = new(true, false) }));
        Assert.True(shown.Mailboxes.Access!["support@contoso.onmicrosoft.com"].FullAccess);
        Assert.Contains("FullAccess", FrameText.Render(MailSetupTui.Tui.View.TuiView.Render(shown, new MailSetupTui.Tui.View.TuiTheme()), 120, 40));
    }

    [Fact]
    public void Without_an_adopted_app_nothing_is_read_and_graph_permissions_never_look_unconsented()
    {
        Assert.Empty(Run(SignedIn(focus: Pane.Mailboxes), Key(' ')).Effects);

        var state =
            Feed(SignedIn(focus: Pane.Permissions), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '),
                new ConsentLoadedMsg(new HashSet<string>()));
        var graph = state.Permissions.Rows.Single(r => r.Name == "Mail.ReadWrite");
        Assert.Null(graph.Consented);
        Assert.False(graph.HasGap);
    }
}

public sealed class TuiUpdateScopingTests
{
    [Fact]
    public void C_cycles_the_scoping_and_g_takes_the_scope_group_into_the_plan()
    {
        var state =
            Feed(SignedIn(focus: Pane.Permissions), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down),
                Key(' '));
        state = Feed(state, [Key('4'), Key('c'), Key('g'), .. Type("mail-apps@contoso.onmicrosoft.com"), Key(KeyName.Enter)]);
        Assert.Equal("rbac", state.Mailboxes.Scope);

        var input = Assert.IsType<BuildPlanEffect>(Assert.Single(Run(state, Key('p')).Effects)).Input;
        Assert.Equal(("rbac", "mail-apps@contoso.onmicrosoft.com"), (input.Scope, input.ScopeGroup));

        Assert.Equal("access-policy", Feed(state, Key('c')).Mailboxes.Scope);
        Assert.Null(Feed(state, Key('c'), Key('c')).Mailboxes.Scope);
    }
}

public sealed class TuiUpdateDiagnosticsAuthTests
{
    private static TuiState WithSupport(TuiState state) =>
        Feed(state with { Focus = Pane.Mailboxes }, Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('5'));

    [Fact]
    public void A_cycles_secret_device_and_password_and_the_run_carries_the_flow_and_who_signs_in()
    {
        var state = WithSupport(SignedIn());
        Assert.Equal(MailSetup.Core.Identity.MailTokens.MailTokenFlow.Device, Feed(state, Key('a')).Diagnostics.Auth);
        Assert.Equal(MailSetup.Core.Identity.MailTokens.MailTokenFlow.Secret, Feed(state, Key('a'), Key('a'), Key('a')).Diagnostics.Auth);

        state = Feed(state, [Key('a'), Key('u'), .. Type("adele@contoso.onmicrosoft.com"), Key(KeyName.Enter)]);
        var run = Assert.IsType<DiagnoseEffect>(Assert.Single(Run(state, Key(KeyName.Enter)).Effects));
        Assert.Equal((MailSetup.Core.Identity.MailTokens.MailTokenFlow.Device, "adele@contoso.onmicrosoft.com", null),
            (run.Flow, run.User, run.Password));
    }

    [Fact]
    public void The_password_flow_on_a_real_tenant_asks_for_the_password_masks_it_and_forgets_it_after_the_run()
    {
        const string canary = "pw-canary-4711";
        var real = SignedIn() with { Tenant = SignedIn().Tenant with { Sandbox = false } };
        var asked = Feed(WithSupport(real), Key('a'), Key('a'), Key(KeyName.Enter));
        Assert.Equal(InputField.Password, asked.Diagnostics.Editing);
        Assert.True(asked.Typing);

        var (running, effects) = Run(Feed(asked, Type(canary)), Key(KeyName.Enter));
        var run = Assert.IsType<DiagnoseEffect>(Assert.Single(effects));
        Assert.Equal(canary, run.Password);
        Assert.DoesNotContain(canary, run.ToString());
        Assert.Null(running.Diagnostics.Password);
        var typing = Feed(asked, Type(canary));
        Assert.DoesNotContain(canary, FrameText.Render(MailSetupTui.Tui.View.TuiView.Render(typing, new MailSetupTui.Tui.View.TuiTheme()), 120, 40));
        Assert.DoesNotContain(canary, typing.Diagnostics.ToString());
    }

    [Fact]
    public void The_sandbox_needs_no_password_for_the_password_flow()
    {
        var (_, effects) = Run(WithSupport(SignedIn()), Key('a'), Key('a'), Key(KeyName.Enter));
        Assert.Equal(MailSetup.Core.Identity.MailTokens.MailTokenFlow.Ropc, Assert.IsType<DiagnoseEffect>(Assert.Single(effects)).Flow);
    }
}

public sealed class TuiUpdateSignInFailureTests
{
    [Fact]
    public void A_failed_sign_in_shows_in_the_tenant_pane_and_r_tries_again()
    {
        var state = Feed(TuiState.Initial(120, 40, false, MailSetup.Core.Clouds.CloudCatalog.Global, Now, "contoso.com"),
            new DeviceCodeMsg("GX7K2PQ9M", "https://microsoft.com/devicelogin"),
            new WorkFailedMsg("sign-in", "AADSTS50126: Error validating credentials due to invalid username or password."));

        Assert.Equal(SignInStatus.Failed, state.Tenant.Status);
        Assert.Null(state.Tenant.DeviceCode);
        Assert.Contains("sign-in failed: AADSTS50126",
            FrameText.Render(MailSetupTui.Tui.View.TuiView.Render(state, new MailSetupTui.Tui.View.TuiTheme()), 120, 40));
        Assert.IsType<SignInEffect>(Assert.Single(Run(state, Key('r')).Effects));
    }
}
