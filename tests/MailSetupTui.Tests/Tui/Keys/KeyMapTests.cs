using MailSetup.Core.Execution;
using MailSetup.Testing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.App.Keys;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.View;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui.Keys;

/// <summary>The key map is consistent: no key means two things at once, every binding is documented, and the bar and help come from it.</summary>
public sealed class KeyMapTests
{
    /// <summary>A state for every kind of context the UI has: each pane idle and busy, typing, and each dialog.</summary>
    public static TheoryData<string> States() => [.. Samples.Keys];

    private static readonly Dictionary<string, Func<TuiState>> Samples = new()
    {
        ["tenant"] = () => SignedIn(),
        ["tenant-signing-in"] = () => TuiState.Initial(120, 40, false, MailSetup.Core.Clouds.CloudCatalog.Global, Now, "contoso.com"),
        ["app"] = () => SignedIn(focus: Pane.App),
        ["app-secret"] = () => Feed(SignedIn(focus: Pane.App), new SecretMsg("s3cret")),
        ["app-secret-path"] = () => Feed(SignedIn(focus: Pane.App), new SecretMsg("s3cret"), Key('s')),
        ["app-name"] = () => Feed(SignedIn(focus: Pane.App), Key(KeyName.Enter)),
        ["permissions"] = () => SignedIn(focus: Pane.Permissions),
        ["mailboxes"] = () => SignedIn(focus: Pane.Mailboxes),
        ["mailboxes-filter"] = () => Feed(SignedIn(focus: Pane.Mailboxes), Key('/')),
        ["diagnostics"] = () => SignedIn(focus: Pane.Diagnostics),
        ["diagnostics-running"] = () => SignedIn(focus: Pane.Diagnostics) with { Diagnostics = SignedIn().Diagnostics with { Running = true } },
        ["diagnostics-user"] = () => Feed(SignedIn(focus: Pane.Diagnostics), Key('a'), Key('u')),
        ["help"] = () => Feed(SignedIn(), Key('?')),
        ["quit-confirm"] = () => Feed(SignedIn() with { Diagnostics = SignedIn().Diagnostics with { Running = true } }, Key('q')),
        ["plan-review"] = () => Feed(SignedIn(), new PlanReadyMsg(TestPlans.Build(PlanCases.All["imap-app"]), ["x"])),
        ["plan-export"] = () => Feed(SignedIn(), new PlanReadyMsg(TestPlans.Build(PlanCases.All["imap-app"]), ["x"]), Key('e')),
        ["apply-finished"] = () => Feed(SignedIn(), new PlanReadyMsg(TestPlans.Build(PlanCases.All["imap-app"]), ["x"]), Key('a'),
            new ApplyFinishedMsg(new ApplyResult([], new Dictionary<string, string>()))),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void No_key_is_bound_twice_where_a_state_takes_keys(string sample)
    {
        var context = KeyContext.For(Samples[sample]());
        var bound = KeyMap.All.Where(b => b.AppliesIn(context)).SelectMany(b => b.Keys.Select(k => (Key: k, b.Action))).ToList();

        var twice = bound.GroupBy(b => b.Key with { Shift = false }).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(b => b.Action))}");
        Assert.Empty(twice);
    }

    [Theory]
    [MemberData(nameof(States))]
    public void The_key_bar_comes_from_the_map_and_names_only_keys_bound_there(string sample)
    {
        var state = Samples[sample]();
        var context = KeyContext.For(state);
        var hints = KeyBar.For(state);
        Assert.Equal(KeyMap.Bar(state), hints);

        var pinned = state.Overlay is null && !state.Typing ? KeyMap.Pinned : [];
        foreach (var hint in hints.Concat(pinned))
            foreach (var key in KeyNames.KeysOf(hint.Keys))
                Assert.True(KeyMap.Find(context, key) is not null, $"the bar shows {hint.Keys} ({hint.Action}) but {key} does nothing in {sample}");
    }

    [Fact]
    public void Every_binding_has_a_help_line_that_names_exactly_its_keys()
    {
        Assert.All(KeyMap.All, b => Assert.Contains(b.Help, KeyMap.HelpLines));
        foreach (var line in KeyMap.HelpLines)
        {
            var bound = KeyMap.All.Where(b => b.Help == line).SelectMany(b => b.Keys).ToHashSet();
            Assert.True(bound.Count > 0, $"help line '{line.Keys}' documents no binding");
            var named = KeyNames.KeysOf(line.Keys);
            Assert.True(bound.SetEquals(named), $"help line '{line.Keys}' names {string.Join(" ", named)} but binds {string.Join(" ", bound)}");
        }
    }

    [Fact]
    public void The_help_screen_lists_the_maps_help_lines_in_order()
    {
        var frame = FrameText.Render(TuiView.Render(Feed(SignedIn(200, 60), Key('?')), new TuiTheme()), 200, 60); // wide enough that no line wraps

        var shown = KeyMap.HelpScreen.Select(h => frame.IndexOf($"  {h.Keys,-22}   {h.Text}", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, shown);
        Assert.Equal(shown.Order(), shown);
        Assert.All(KeyMap.HelpLines.Where(h => !h.OnHelpScreen), h => Assert.DoesNotContain(h.Text, frame));
    }

    [Fact]
    public void Every_key_the_update_reacts_to_in_the_panes_is_in_the_map()
    {
        // Keys outside the map do nothing: a stray Ctrl or Alt chord never acts as the plain key.
        var state = SignedIn(focus: Pane.Diagnostics);
        foreach (var key in new[] { KeyPress.CtrlOf('r'), new KeyPress(KeyName.Char, 'f', Alt: true), KeyPress.CtrlOf('q'), KeyPress.Of(KeyName.F5) })
        {
            Assert.Null(KeyMap.ActionOf(state, key));
            Assert.Empty(Run(state, new KeyMsg(key)).Effects);
        }
    }
}
