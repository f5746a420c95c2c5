using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.View;

/// <summary>
/// Exactly <c>rows</c> lines of styled text, each cut to <c>width</c> so nothing wraps: a pane's body
/// is built line by line and its height never depends on the content. Text is never markup, so
/// trace lines holding <c>[IMAP]</c> render as they are.
/// </summary>
public sealed class ViewLines(int width, int rows)
{
    private readonly List<IRenderable> _lines = [];

    public int Width { get; } = Math.Max(1, width);
    public int Rows { get; } = Math.Max(1, rows);
    public int Remaining => Rows - _lines.Count;
    public bool Full => _lines.Count >= Rows;

    public ViewLines Add(params (string Text, Style Style)[] spans)
    {
        if (Full) return this;
        var paragraph = new Paragraph();
        var left = Width;
        foreach (var (text, style) in spans)
        {
            if (left <= 0) break;
            var clean = Clean(text);
            var cut = clean.Length > left ? clean[..Math.Max(0, left - 1)] + "…" : clean;
            paragraph.Append(cut, style);
            left -= cut.Length;
        }
        if (left == Width) paragraph.Append(" ");
        _lines.Add(paragraph);
        return this;
    }

    public ViewLines Add(string text, Style style) => Add((text, style));

    public ViewLines Blank() => Add(" ", Style.Plain);

    /// <summary>Long text broken over lines at spaces (for causes and fixes), indented after the first.</summary>
    public ViewLines Wrapped(string text, Style style, string indent = "  ")
    {
        var line = "";
        foreach (var word in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > Width)
            {
                Add(line, style);
                line = indent;
            }
            line = line.Length == 0 || line == indent ? line + word : line + " " + word;
        }
        if (line.Trim().Length > 0) Add(line, style);
        return this;
    }

    /// <summary>The lines, padded with blank ones to exactly <see cref="Rows"/>.</summary>
    public IRenderable Build()
    {
        while (!Full) Blank();
        return new Rows(_lines);
    }

    // Control characters would move the terminal's cursor; tabs become spaces.
    private static string Clean(string text) =>
        text.Any(char.IsControl) ? new string(text.Select(c => c == '\t' ? ' ' : char.IsControl(c) ? '·' : c).ToArray()) : text;
}
