using MailSetup.App;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Runtime;
using Microsoft.Extensions.DependencyInjection;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui.Runtime;

/// <summary>
/// A plan the core rejects, through the real effect runner: the status line names the field as the
/// panes do, never as a command-line option the person never typed.
/// </summary>
public sealed class PlanRejectionTests : IDisposable
{
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    /// <summary>Presses p, runs the plan effect as the loop would, and feeds back what it answered.</summary>
    private async Task<string> RejectedStatusAsync(TuiState state)
    {
        var effect = Assert.IsType<BuildPlanEffect>(Assert.Single(Run(state, Key('p')).Effects));
        await using var provider = TestServices.Collection(_state.Path).BuildServiceProvider();
        var answered = new TaskCompletionSource<Msg>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (var runner =
            new EffectRunner(new TuiTarget(true, CloudCatalog.Global, null), ToolServices.From(provider), m => answered.TrySetResult(m)))
        {
            runner.Run(effect);
            var rejected = Assert.IsType<PlanRejectedMsg>(await answered.Task.WaitAsync(TimeSpan.FromSeconds(30)));
            return Feed(state, rejected).Status!;
        }
    }

    [Fact]
    public async Task Scoping_without_a_scope_group_names_the_scope_group_and_the_scoping_as_pane_4_does()
    {
        var state = Feed(SignedIn(focus: Pane.Mailboxes), Key('c'));
        Assert.Equal("rbac", state.Mailboxes.Scope);

        var status = await RejectedStatusAsync(state);

        Assert.StartsWith("cannot plan: scope group: is required with scoping rbac; expected the address of a Microsoft 365 group, " +
            "mail-enabled security group or distribution list", status);
        Assert.DoesNotContain("--", status);
    }

    [Fact]
    public async Task SendAs_with_graph_send_is_refused_with_the_parsers_reason_in_the_panes_words()
    {
        // imap-app off, graph-send on; then support@ selected in pane 4 and SendAs on.
        var state = Feed(SignedIn(focus: Pane.Permissions), Key(' '), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down),
            Key(' '));
        state = Feed(state, Key('4'), Key(KeyName.Down), Key(KeyName.Down), Key(KeyName.Down), Key(' '), Key('s'));

        var status = await RejectedStatusAsync(state);

        Assert.StartsWith("cannot plan: SendAs: adds nothing to graph-send: Graph's Mail.Send already lets the app send as any user " +
            "(limit which users with scoping rbac)", status);
        Assert.DoesNotContain("--", status);
    }

    [Fact]
    public async Task A_bad_app_name_is_named_as_pane_2_names_it()
    {
        var state = Feed(SignedIn(focus: Pane.App),
            [Key(KeyName.Enter), .. Enumerable.Repeat<Msg>(Key(KeyName.Backspace), 20), .. Type("Mail {app.id}"), Key(KeyName.Enter)]);
        Assert.Equal("Mail {app.id}", state.App.Name.Text);

        var status = await RejectedStatusAsync(state);

        Assert.StartsWith("cannot plan: app name: 'Mail {app.id}' contains { or }", status);
        Assert.DoesNotContain("--", status);
    }

    [Fact]
    public void Every_field_has_a_pane_name_and_none_is_an_option()
    {
        foreach (var field in Enum.GetValues<SetupField>())
        {
            var (name, usage) = (PaneFieldNames.Instance.Name(field), PaneFieldNames.Instance.Usage(field));
            Assert.False(string.IsNullOrWhiteSpace(name), field.ToString());
            Assert.DoesNotContain("--", name + usage);
        }
    }
}
