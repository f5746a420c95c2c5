using MailSetup.Core.Clouds;

namespace MailSetupTui.Tui.App;

/// <summary>
/// Everything the screen shows, as plain data: the view is a function of it, and only
/// <see cref="TuiUpdate"/> makes the next one.
/// </summary>
public sealed record TuiState(
    int Width,
    int Height,
    Pane Focus,
    TenantModel Tenant,
    AppModel App,
    PermissionsModel Permissions,
    MailboxesModel Mailboxes,
    DiagnosticsModel Diagnostics,
    DateTimeOffset Now,
    Overlay? Overlay = null,
    string? Status = null,
    bool Quit = false)
{
    /// <param name="now">The time credential expiry is judged against (views never read a clock, so frames are reproducible).</param>
    public static TuiState Initial(int width, int height, bool sandbox, Cloud cloud, DateTimeOffset now, string? tenant = null) => new(
        width, height, Pane.Tenant,
        new TenantModel(sandbox, cloud, TenantId: tenant, Domain: sandbox ? null : tenant, Status: SignInStatus.SigningIn),
        AppModel.Initial, PermissionsModel.Initial, MailboxesModel.Initial, DiagnosticsModel.Create(), now);

    /// <summary>What is running in the background, in words (for the quit confirmation), or null.</summary>
    public string? RunningWork =>
        Overlay is ApplyOverlay { Finished: false } ? "a plan is being applied"
        : Diagnostics.Running ? "diagnostics are running"
        : null;

    /// <summary>
    /// The text input that has the keys, or null. A pane's input counts only while its pane has the
    /// focus; the secret's file name and the export prompt are dialogs and count wherever they are open.
    /// </summary>
    public InputField? ActiveInput =>
        Overlay is PlanReviewOverlay { Export: not null } ? InputField.ExportPath
        : App.Editing == InputField.SecretPath ? InputField.SecretPath
        : Focus switch
        {
            Pane.App => App.Editing,
            Pane.Mailboxes => Mailboxes.Editing,
            Pane.Diagnostics => Diagnostics.Editing,
            _ => null,
        };

    /// <summary>True while a text input has the keys, so 1-5, q, j/k and / type instead of acting.</summary>
    public bool Typing => ActiveInput is not null;
}
