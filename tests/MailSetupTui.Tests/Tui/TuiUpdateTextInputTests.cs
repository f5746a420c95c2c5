using MailSetup.Testing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.View;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>The text inputs in the panes and dialogs: readline's keys work in each, and Enter and Esc keep their meaning per input.</summary>
public sealed class TuiUpdateTextInputTests
{
    private static KeyMsg Ctrl(char c) => new(KeyPress.CtrlOf(c));
    private static KeyMsg Alt(char c) => new(new KeyPress(KeyName.Char, c, Alt: true));

    [Fact]
    public void Ctrl_u_clears_the_export_file_name_and_the_export_takes_the_new_one()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var state = Feed(SignedIn(), [new PlanReadyMsg(plan, ["x"]), Key('e'), Key(KeyName.Tab), Ctrl('u'), .. Type("plan.json")]);

        var export = Assert.IsType<ExportPlanEffect>(Assert.Single(Run(state, Key(KeyName.Enter)).Effects));
        Assert.Equal(("json", "plan.json"), (export.Format, export.Path));
    }

    [Fact]
    public void Ctrl_w_deletes_the_scope_groups_last_word_and_esc_keeps_what_is_left()
    {
        var state = Feed(SignedIn(focus: Pane.Mailboxes),
            [Key('g'), .. Type("wrong mail-apps@contoso.com"), Ctrl('w'), Ctrl('w'), .. Type("mail-apps@contoso.com"), Key(KeyName.Escape)]);

        Assert.False(state.Typing);
        Assert.Equal("mail-apps@contoso.com", state.Mailboxes.ScopeGroup!.Text);
    }

    [Fact]
    public void Typing_after_moving_the_cursor_inserts_in_the_middle_of_the_mailbox_filter_and_the_caret_shows_there()
    {
        var state = Feed(SignedIn(focus: Pane.Mailboxes), [Key('/'), .. Type("user1"), Key(KeyName.Left), .. Type("00")]);

        Assert.Equal("user001", state.Mailboxes.Filter.Text);
        Assert.Equal(10, state.Mailboxes.Visible.Count); // user0010 to user0019
        Assert.Contains("/user00▏1", FrameText.Render(TuiView.Render(state, new TuiTheme()), 120, 40));
    }

    [Fact]
    public void Alt_b_and_ctrl_a_move_within_the_app_name_and_slash_is_part_of_the_name()
    {
        var state = Feed(SignedIn(focus: Pane.App),
            [Key(KeyName.Enter), Alt('b'), .. Type("Gateway / "), Ctrl('a'), .. Type("Contoso "), Key(KeyName.Enter)]);

        Assert.Equal("Contoso Mail Gateway / Relay", state.App.Name.Text);
        Assert.Null(state.App.Filter);
        Assert.False(state.Typing);
    }

    [Fact]
    public void Esc_drops_a_filter_and_a_search_but_enter_keeps_them()
    {
        var filtered = Feed(SignedIn(focus: Pane.Mailboxes), [Key('/'), .. Type("sales")]);
        Assert.Single(Feed(filtered, Key(KeyName.Enter)).Mailboxes.Visible);
        Assert.Equal(54, Feed(filtered, Key(KeyName.Escape)).Mailboxes.Visible.Count);

        var searching = Feed(SignedIn(focus: Pane.Diagnostics), [Key('/'), .. Type("AUTH")]);
        Assert.Equal("AUTH", Feed(searching, Key(KeyName.Enter)).Diagnostics.Search!.Text);
        Assert.Null(Feed(searching, Key(KeyName.Escape)).Diagnostics.Search);
    }

    [Fact]
    public void Esc_on_the_password_prompt_forgets_the_password_and_starts_nothing()
    {
        var real = SignedIn() with { Tenant = SignedIn().Tenant with { Sandbox = false } };
        var asked = Feed(real with { Focus = Pane.Mailboxes }, Key(KeyName.Down), Key(' '), Key('5'), Key('a'), Key('a'), Key(KeyName.Enter));
        Assert.Equal(InputField.Password, asked.ActiveInput);

        var (cancelled, effects) = Run(asked, [.. Type("secret"), Ctrl('w'), Key(KeyName.Escape)]);
        Assert.Empty(effects);
        Assert.Null(cancelled.Diagnostics.Password);
        Assert.False(cancelled.Typing);
    }

    [Fact]
    public void The_secret_file_prompt_does_not_save_to_an_empty_name()
    {
        var state = Feed(SignedIn(focus: Pane.App), new SecretMsg("s3cret"), Key('s'), Ctrl('u'));
        var (still, none) = Run(state, Key(KeyName.Enter));
        Assert.Empty(none);
        Assert.Equal(InputField.SecretPath, still.ActiveInput);

        var (saving, effects) = Run(still, [.. Type("relay.secret"), Key(KeyName.Enter)]);
        Assert.Equal("relay.secret", Assert.IsType<SaveSecretEffect>(Assert.Single(effects)).Path);
        Assert.Null(saving.App.Editing);
    }
}
