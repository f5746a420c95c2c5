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
        _ => [.. PaneKeys(state), ("Tab", "pane"), ("p", "plan")],
    };

    private static IEnumerable<(string, string)> PaneKeys(TuiState state) => state.Focus switch
    {
        Pane.Tenant => state.Tenant.Status == SignInStatus.SignedIn ? [("o", "sign out"), ("r", "sign in again")] : [("r", "sign in")],
        Pane.App => state.App.NewSecret is not null ? [("s", "save secret"), ("d", "dismiss")] : [("↑↓", "move"), ("Enter", "edit/adopt"), ("/", "find")],
        Pane.Permissions => [("↑↓", "move"), ("Space", "toggle")],
        Pane.Mailboxes => [("↑↓ PgUp PgDn", "move"), ("Space", "select"), ("/", "filter"), ("s", "SendAs"), ("c", "scoping"), ("g", "group")],
        _ => state.Diagnostics.Running
            ? [("Esc", "cancel"), ("↑↓", "scroll"), ("End", "follow")]
            : [("Enter", "run"), ("f", "preflight"), ("i o s", "protocols"), ("a", "auth"), ("/", "search"), ("t", "filter"), ("u", "user")],
    };

    /// <summary>Help and quit end every bar and are never cut: whatever else does not fit is dropped first.</summary>
    private static readonly (string Key, string Action)[] Always = [("?", "help"), ("q", "quit")];

    public static IRenderable Render(TuiState state, TuiTheme theme)
    {
        var items = For(state).ToList();
        var always = state.Overlay is null && !state.Typing ? Always : [];
        var room = state.Width - always.Sum(Width);
        var shown = new List<(string Key, string Action)>();
        foreach (var item in items)
        {
            if (Width(item) > room) break;
            shown.Add(item);
            room -= Width(item);
        }
        var spans = new List<(string, Style)>();
        foreach (var (key, action) in shown.Concat(always))
        {
            if (key.Length > 0) spans.Add(($" {key} ", theme.Key));
            spans.Add(($" {action} ", theme.Normal));
        }
        return new ViewLines(state.Width, 1).Add([.. spans]).Build();
    }

    private static int Width((string Key, string Action) item) => (item.Key.Length > 0 ? item.Key.Length + 2 : 0) + item.Action.Length + 2;
}
