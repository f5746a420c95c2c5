namespace MailSetup.Core.Execution;

/// <summary>An app registration of the name the plan would create, which mailsetup did not make (it lacks the plan's key).</summary>
public sealed record ForeignApp(string AppId, string ObjectId, string DisplayName, DateTimeOffset? Created);

/// <summary>
/// The plan's app name is taken by apps mailsetup did not make: the run stopped at its first step, before any change. Callers
/// list <see cref="Apps"/> and offer adopting one (by client id) or another name.
/// </summary>
public sealed class ForeignAppsException(string displayName, IReadOnlyList<ForeignApp> apps)
    : Exception($"{apps.Count} other app(s) named '{displayName}' exist that mailsetup did not make; nothing was changed.")
{
    public string DisplayName { get; } = displayName;
    public IReadOnlyList<ForeignApp> Apps { get; } = apps;
}
