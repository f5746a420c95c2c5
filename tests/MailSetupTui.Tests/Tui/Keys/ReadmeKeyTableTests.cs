using System.Text.RegularExpressions;
using MailSetup.Testing;
using MailSetupTui.Tui.App.Keys;

namespace MailSetupTui.Tests.Tui.Keys;

/// <summary>The README's key table is the key map: every binding documented, nothing documented that is not bound.</summary>
public sealed partial class ReadmeKeyTableTests
{
    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Quoted();

    /// <summary>The rows of the table headed "| keys | what |": the keys between backticks and the text.</summary>
    private static List<(IReadOnlyList<string> Keys, string What)> Table()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var header = Array.IndexOf(lines, "| keys | what |");
        Assert.True(header >= 0, "the README has no key table (| keys | what |)");
        return [.. lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(Row)];
    }

    private static (IReadOnlyList<string>, string) Row(string line)
    {
        var cells = line.Trim('|').Split('|');
        Assert.True(cells.Length == 2, $"a key table row has two cells: {line}");
        return ([.. Quoted().Matches(cells[0]).Select(m => m.Groups[1].Value)], cells[1].Trim());
    }

    [Fact]
    public void The_readme_key_table_equals_the_key_maps_help_lines()
    {
        var table = Table();

        Assert.Equal(KeyMap.HelpLines.Select(h => h.Text), table.Select(r => r.What));
        foreach (var (line, row) in KeyMap.HelpLines.Zip(table))
            Assert.Equal(KeyNames.Tokens(line.Keys), row.Keys);
    }

    [Fact]
    public void Every_key_the_readme_names_is_bound_and_every_bound_key_is_named()
    {
        var documented = Table().SelectMany(r => r.Keys).SelectMany(KeyNames.Parse).ToHashSet();
        var bound = KeyMap.All.SelectMany(b => b.Keys).ToHashSet();

        Assert.Empty(documented.Except(bound));
        Assert.Empty(bound.Except(documented));
    }
}
