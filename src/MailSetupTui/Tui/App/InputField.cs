namespace MailSetupTui.Tui.App;

/// <summary>
/// Which text input has the keys. A model holds at most one of its own (<c>Editing</c>); the
/// export prompt's is its <see cref="PlanReviewOverlay.Export"/> being open.
/// </summary>
public enum InputField
{
    AppName,
    AppFilter,
    SecretPath,
    MailboxFilter,
    ScopeGroup,
    TraceSearch,
    User,
    Password,
    ExportPath,
}
