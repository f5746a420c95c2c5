using System.Text;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Writes script lines with <c>\n</c> endings (never the platform's) and indentation, and wraps
/// comments for people reviewing the script.
/// </summary>
internal sealed class PowerShellScriptBuilder
{
    public const int Width = 100;
    private const string IndentUnit = "    ";

    private readonly StringBuilder _text = new();
    private int _depth;

    public void Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * IndentUnit.Length).Append(line);
        _text.Append('\n');
    }

    /// <summary>A line at column 0 whatever the indentation: here-string content and terminators.</summary>
    public void Verbatim(string line) => _text.Append(line).Append('\n');

    /// <summary>Opens a block (<c>if (...) {</c>); the lines up to <see cref="Close"/> are indented.</summary>
    public void Open(string line)
    {
        Line(line);
        _depth++;
    }

    /// <summary>A line at the enclosing level inside a block, such as <c>} else {</c>.</summary>
    public void Continue(string line)
    {
        _depth--;
        Line(line);
        _depth++;
    }

    public void Close(string line = "}")
    {
        _depth--;
        Line(line);
    }

    /// <summary>A wrapped comment; continuation lines start with <paramref name="hanging"/> spaces more.</summary>
    public void Comment(string text, string lead = "", int hanging = 0)
    {
        var prefix = "# " + lead;
        var room = Math.Max(20, Width - _depth * IndentUnit.Length - prefix.Length);
        var line = new StringBuilder();
        foreach (var word in PowerShellQuoting.CommentText(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > room)
            {
                Line(prefix + line);
                prefix = "# " + new string(' ', lead.Length + hanging);
                room = Math.Max(20, Width - _depth * IndentUnit.Length - prefix.Length);
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        Line((prefix + line).TrimEnd());
    }

    public override string ToString() => _text.ToString();
}
