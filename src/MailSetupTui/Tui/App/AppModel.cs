namespace MailSetupTui.Tui.App;

/// <summary>An existing app registration as the App pane lists it.</summary>
public sealed record ExistingApp(string AppId, string ObjectId, string DisplayName, IReadOnlyList<(string Name, DateTimeOffset EndsOn)> Credentials);

/// <summary>
/// The App pane: a new app by name, or an existing one adopted. <see cref="NewSecret"/> is the
/// secret an apply just made: shown once, kept only until dismissed or saved. <see cref="Editing"/>
/// is the one input that has the keys: the name, the filter or the secret's file name.
/// </summary>
public sealed record AppModel(
    TextInput Name,
    InputField? Editing = null,
    IReadOnlyList<ExistingApp>? Existing = null,
    int Cursor = 0,
    string? AdoptedAppId = null,
    string? NewSecret = null,
    TextInput? SavePath = null,
    string? Notice = null,
    TextInput? Filter = null,
    string? NewSecretName = null)
{
    /// <summary>The existing apps whose name or client id holds the filter text.</summary>
    public IReadOnlyList<ExistingApp> Visible => Filter is { Text.Length: > 0 } filter
        ? (Existing ?? []).Where(
            a =>
                a.DisplayName.Contains(filter.Text, StringComparison.OrdinalIgnoreCase)
                    || a.AppId.Contains(filter.Text, StringComparison.OrdinalIgnoreCase)).ToList()
        : Existing ?? [];

    public static AppModel Initial { get; } = new(new TextInput("Mail Relay", 120));

    /// <summary>The row under the cursor: 0 is "create new", then the existing apps.</summary>
    public int Rows => 1 + Visible.Count;

    /// <summary>Never shows the secret: records print themselves in logs and test failures.</summary>
    public override string ToString() =>
        $"AppModel {{ Name = {Name.Text}, Adopted = {AdoptedAppId}, NewSecret = {(NewSecret is null ? "" : "***")} }}";
}
