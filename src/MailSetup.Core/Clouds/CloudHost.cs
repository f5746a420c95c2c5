namespace MailSetup.Core.Clouds;

/// <summary>
/// One host name of a cloud, or a value built from one (a token scope). <see cref="Confirmed"/> is false where Microsoft's sources
/// disagree or are silent (FACTS.md): such a value is shown with <see cref="Note"/> and never used silently.
/// </summary>
public sealed record CloudHost(string Name, bool Confirmed = true, string? Note = null)
{
    /// <summary>The host as a person should see it: unconfirmed ones say so.</summary>
    public string Display => Confirmed ? Name : $"{Name} (unconfirmed: {Note})";

    public static CloudHost Unconfirmed(string name, string note) => new(name, false, note);

    /// <summary>A host the user typed in: confirmed by definition.</summary>
    public static CloudHost Overridden(string name) => new(name, true, OverriddenNote);

    public const string OverriddenNote = "overridden";

    public bool IsOverridden => Note == OverriddenNote;
}
