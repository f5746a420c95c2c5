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

    /// <summary>True while a text field has the keys, so 1-5, q, j/k and / type instead of acting.</summary>
    public bool Typing =>
        (Focus == Pane.App && (App.Editing || App.FilterEditing)) || App.SavePath is not null
        || (Focus == Pane.Mailboxes && (Mailboxes.FilterEditing || Mailboxes.ScopeGroupEditing))
        || (Focus == Pane.Diagnostics && (Diagnostics.SearchEditing || Diagnostics.UserEditing || Diagnostics.PasswordEditing))
        || Overlay is PlanReviewOverlay { Export: not null };
}
