using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary>
/// The presets as a plain-text table for an 80-column terminal: one permission a line (they are
/// the long part), and the summary on its own indented line under each preset, wrapped.
/// </summary>
internal static class PresetTable
{
    private const string Gap = "  ";
    private const string SummaryIndent = "  ";

    public static string Render(IReadOnlyList<Preset> presets, int width = 80)
    {
        var rows = presets.Select(p => (p.Name, Permissions: p.Permissions.Select(Describe).ToList())).ToList();
        var nameWidth = Math.Max("NAME".Length, rows.Max(r => r.Name.Length));

        var lines = new List<string> { Row(nameWidth, "NAME", "PERMISSIONS") };
        foreach (var (preset, row) in presets.Zip(rows))
        {
            lines.Add("");
            for (var i = 0; i < row.Permissions.Count; i++)
                lines.Add(Row(nameWidth, i == 0 ? row.Name : "", row.Permissions[i]));
            lines.AddRange(Wrap(preset.Summary, width - SummaryIndent.Length).Select(l => SummaryIndent + l));
            lines.AddRange(Wrap("Follows " + preset.Procedure + ".", width - SummaryIndent.Length).Select(l => SummaryIndent + l));
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary><c>exo:IMAP.AccessAsApp (application)</c>: resource, name and kind, as in plans.</summary>
    public static string Describe(Permission permission) =>
        $"{permission.QualifiedName} ({permission.Kind.ToString().ToLowerInvariant()})";

    private static string Row(int nameWidth, string name, string permission) => (name.PadRight(nameWidth) + Gap + permission).TrimEnd();

    /// <summary>Greedy word wrap; a word longer than the width gets a line of its own.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = "";
            }
            line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }
}
