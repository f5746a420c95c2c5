using static MailSetupTui.Tui.App.Keys.KeyScope;

namespace MailSetupTui.Tui.App.Keys;

/// <summary>The scopes whose bindings have the keys in a state: an open dialog first, then a text input, then the panes.</summary>
public static class KeyContext
{
    public static IReadOnlyList<KeyScope> For(TuiState state) => state.Overlay switch
    {
        HelpOverlay => [Always, Help],
        ConfirmQuitOverlay => [Always, ConfirmQuit],
        PlanReviewOverlay { Export: not null } => [Always, Export, TextEntry],
        PlanReviewOverlay => [Always, PlanReview],
        ApplyOverlay => [Always, Apply],
        _ when state.ActiveInput is not null => [Always, NoOverlay, TextEntry],
        _ => [Always, NoOverlay, Panes, Of(state.Focus)],
    };

    public static KeyScope Of(Pane pane) => pane switch
    {
        Pane.Tenant => TenantPane,
        Pane.App => AppPane,
        Pane.Permissions => PermissionsPane,
        Pane.Mailboxes => MailboxesPane,
        _ => DiagnosticsPane,
    };
}
