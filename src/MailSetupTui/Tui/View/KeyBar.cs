using MailSetupTui.Tui.App;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.View;

/// <summary>The bottom line: the keys that do something here, most useful first, cut to the width.</summary>
public static class KeyBar
{
    public static IReadOnlyList<(string Key, string Action)> For(TuiState state) => state.Overlay switch
    {
        HelpOverlay => [("↑↓ PgUp PgDn", "scroll"), ("Esc", "close")],
        ConfirmQuitOverlay => [("y", "quit"), ("n", "stay")],
        PlanReviewOverlay { Export: not null } => [("Tab", "format"), ("Enter", "export"), ("Esc", "cancel")],
        PlanReviewOverlay => [("a", "apply"), ("e", "export"), ("↑↓ PgUp PgDn", "scroll"), ("Esc", "close")],
        ApplyOverlay { Finished: true } => [("Enter", "close")],
        ApplyOverlay => [("", "applying…")],
        _ when state.Typing => [("Enter", "done"), ("Esc", "cancel"), ("F1", "help")],
        _ => [.. PaneKeys(state), ("Tab", "pane"), ("p", "plan"), ("?", "help"), ("q", "quit")],
    };

    private static IEnumerable<(string, string)> PaneKeys(TuiState state) => state.Focus switch
    {
        Pane.Tenant => [("r", "sign in again")],
        Pane.App => state.App.NewSecret is not null ? [("s", "save secret"), ("d", "dismiss")] : [("↑↓", "move"), ("Enter", "edit/adopt")],
        Pane.Permissions => [("↑↓", "move"), ("Space", "toggle")],
        Pane.Mailboxes => [("↑↓ PgUp PgDn", "move"), ("Space", "select"), ("/", "filter"), ("s", "SendAs")],
        _ => state.Diagnostics.Running
            ? [("Esc", "cancel"), ("↑↓", "scroll"), ("End", "follow")]
            : [("Enter", "run"), ("f", "preflight"), ("i o s", "protocols"), ("/", "search"), ("t", "filter")],
    };

    public static IRenderable Render(TuiState state, TuiTheme theme)
    {
        var spans = new List<(string, Style)>();
        foreach (var (key, action) in For(state))
        {
            if (key.Length > 0) spans.Add(($" {key} ", theme.Key));
            spans.Add(($" {action} ", theme.Normal));
        }
        return new ViewLines(state.Width, 1).Add([.. spans]).Build();
    }
}
