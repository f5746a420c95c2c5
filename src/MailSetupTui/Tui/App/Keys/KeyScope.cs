namespace MailSetupTui.Tui.App.Keys;

/// <summary>
/// Where a binding applies. A state has keys in a few scopes at once (<see cref="KeyContext"/>),
/// and no key may be bound twice among them, so the order never decides which binding wins.
/// </summary>
public enum KeyScope
{
    /// <summary>Everywhere, even while typing and in dialogs (Ctrl+C).</summary>
    Always,

    /// <summary>Whenever no dialog is open, typing or not (F1).</summary>
    NoOverlay,

    /// <summary>The panes, when no text input has the keys.</summary>
    Panes,
    TenantPane,
    AppPane,
    PermissionsPane,
    MailboxesPane,
    DiagnosticsPane,
    Help,
    ConfirmQuit,
    PlanReview,

    /// <summary>The plan review's export prompt (besides its file name's <see cref="App.TextInput"/>).</summary>
    Export,
    Apply,

    /// <summary>Any one-line text input while it has the keys.</summary>
    TextEntry,
}
