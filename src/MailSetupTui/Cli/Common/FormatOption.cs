using System.CommandLine;
using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>--format</c>, declared once: the formats a command writes (the first is the default), read
/// case-insensitively, and an unknown one reported with the nearest known name.
/// </summary>
internal sealed class FormatOption(IReadOnlyList<string> formats, string description)
{
    public Option<string> Option { get; } = new("--format") { Description = description, HelpName = string.Join('|', formats) };

    public IReadOnlyList<string> Formats => formats;

    /// <summary>The format asked for (the default when none was), or null when it is unknown (reported).</summary>
    public string? Read(ParseResult result, List<CliError> errors)
    {
        var given = result.ValueOrDefault(Option);
        var wanted = (given ?? formats[0]).Trim().ToLowerInvariant();
        var known = formats.FirstOrDefault(f => f.Equals(wanted, StringComparison.OrdinalIgnoreCase));
        if (known is not null) return known;
        var near = NameSuggestions.Nearest(wanted, formats);
        var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
        errors.Add(new(Option.Name, $"unknown format '{given}'{hint}; expected one of {string.Join(", ", formats)}."));
        return null;
    }
}
