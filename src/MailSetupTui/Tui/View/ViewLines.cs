using MailSetup.Core.Display;
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

    /// <summary>
    /// Where untrusted text (names from the directory, server lines, claims, error messages) enters the screen:
    /// a tab becomes a space, and every other control character, DEL and bidi override is shown as its escape
    /// (<c>\x1B</c>, <c>\u202E</c>) by <see cref="TerminalText"/>, before the line is measured and cut, so the
    /// escape takes its cells like any text. Clean text (every frame's) is returned as it is.
    /// </summary>
    public static string Clean(string text)
    {
        if (TerminalText.IndexOfUnsafe(text, TerminalTextKeep.Tab) < 0) return text.Contains('\t') ? text.Replace('\t', ' ') : text;
        return TerminalText.Escape(text.Replace('\t', ' '));
    }
}
