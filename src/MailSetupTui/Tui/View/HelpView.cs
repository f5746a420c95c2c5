using MailSetupTui.Tui.App;
using MailSetupTui.Tui.App.Keys;

namespace MailSetupTui.Tui.View;

/// <summary>The key map's help lines (<see cref="KeyMap.HelpScreen"/>), the ones to get around and out first. Long lines wrap; the list
/// scrolls.</summary>
public static class HelpView
{
    private const int KeyColumn = 22;

    public static string Render(HelpOverlay help, ViewLines lines, TuiTheme theme)
    {
        lines.Add("Keys (keyboard only; nothing needs Ctrl+S, Ctrl+Q or Ctrl+Space)", theme.Title);
        var rows = new List<(string Keys, string Text)>();
        var width = Math.Max(10, lines.Width - KeyColumn - 5);
        foreach (var (keys, what, _) in KeyMap.HelpScreen)
        {
            var first = true;
            foreach (var part in Wrap(what, width))
            {
                rows.Add((first ? keys : "", part));
                first = false;
            }
        }
        rows.Add(("", ""));
        rows.Add(("", "Every change to the tenant goes through the plan review."));
        var scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, rows.Count - lines.Remaining));
        foreach (var (keys, text) in rows.Skip(scroll).Take(lines.Remaining))
            lines.Add(keys.Length > 0 ? ($"  {keys,-KeyColumn} ", theme.Key) : (new string(' ', KeyColumn + 3), theme.Normal),
                ("  " + text, theme.Normal));
        return rows.Count > lines.Rows - 1
            ? $"Help · ↑↓ scroll ({scroll + 1}-{Math.Min(rows.Count, scroll + lines.Rows - 1)} of {rows.Count})"
            : "Help";
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }
}
