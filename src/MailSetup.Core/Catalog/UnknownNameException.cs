namespace MailSetup.Core.Catalog;

/// <summary>A name that is not in a catalog; the message names it and the nearest known names.</summary>
public sealed class UnknownNameException(string what, string name, IReadOnlyList<string> suggestions)
    : ArgumentException(Describe(what, name, suggestions))
{
    public string What { get; } = what;
    public string Name { get; } = name;
    public IReadOnlyList<string> Suggestions { get; } = suggestions;

    private static string Describe(string what, string name, IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0
            ? $"unknown {what} '{name}'."
            : $"unknown {what} '{name}'; did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}?";
}

/// <summary>A plain name that more than one resource uses.</summary>
public sealed class AmbiguousNameException(string name, IReadOnlyList<string> candidates)
    : ArgumentException($"'{name}' is ambiguous; use one of {string.Join(", ", candidates.Select(c => $"'{c}'"))}.")
{
    public IReadOnlyList<string> Candidates { get; } = candidates;
}
