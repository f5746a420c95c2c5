namespace MailSetupTui.Tui.App.Keys;

/// <summary>
/// The key bar's items: the keys that do something in a state, most useful first, in the words that
/// fit the place (Enter "run" in Diagnostics, "done" in a text input). A test checks that every key
/// an item names is bound in the state where it shows.
/// </summary>
public static partial class KeyMap
{
    private static readonly KeyHint Scroll = new("↑↓ PgUp PgDn", "scroll");
    private static readonly KeyHint Close = new("Esc", "close");
    private static readonly KeyHint Cancel = new("Esc", "cancel");
    private static readonly KeyHint Move = new("↑↓", "move");

    private static readonly KeyHint[] DiagnosticsRunning = [Cancel, new("↑↓", "scroll"), new("End", "follow")];

    private static readonly KeyHint[] DiagnosticsIdle =
    [
        new("Enter", "run"), new("f", "preflight"), new("i o s", "protocols"), new("a", "auth"), new("/", "search"), new("t", "filter"),
        new("u", "user"),
    ];

    /// <summary>Help and quit end every bar of the panes and are never cut: whatever else does not fit is dropped first.</summary>
    public static IReadOnlyList<KeyHint> Pinned { get; } = [new("?", "help"), new("q", "quit")];

    /// <summary>The bar's items in <paramref name="state"/>, besides <see cref="Pinned"/>.</summary>
    public static IReadOnlyList<KeyHint> Bar(TuiState state) => state.Overlay switch
    {
        HelpOverlay => [Scroll, Close],
        ConfirmQuitOverlay => [new("y", "quit"), new("n", "stay")],
        PlanReviewOverlay { Export: not null } => [new("Tab", "format"), new("Enter", "export"), Cancel],
        PlanReviewOverlay => [new("a", "apply"), new("e", "export"), Scroll, Close],
        ApplyOverlay { Finished: true, Taken: not null } => [new("1-9", "adopt"), new("Enter", "close")],
        ApplyOverlay { Finished: true } => [new("Enter", "close")],
        ApplyOverlay => [],
        _ when state.Typing => [new("Enter", "done"), Cancel, new("F1", "help")],
        _ => [.. PaneBar(state), new("Tab", "pane"), new("p", "plan")],
    };

    private static IReadOnlyList<KeyHint> PaneBar(TuiState state) => state.Focus switch
    {
        Pane.Tenant => state.Tenant.Status == SignInStatus.SignedIn ? [new("o", "sign out"), new("r", "sign in again")] : [new("r", "sign in")],
        Pane.App => state.App.NewSecret is not null
            ? [new("s", "save secret"), new("d", "dismiss")]
            : [Move, new("Enter", "edit/adopt"), new("/", "find")],
        Pane.Permissions => [Move, new("Space", "toggle")],
        Pane.Mailboxes =>
            [new("↑↓ PgUp PgDn", "move"), new("Space", "select"), new("/", "filter"), new("s", "SendAs"), new("c", "scoping"), new("g", "group")],
        _ => state.Diagnostics.Running ? DiagnosticsRunning : DiagnosticsIdle,
    };
}
