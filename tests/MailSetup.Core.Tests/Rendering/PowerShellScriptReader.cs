using System.Text;

namespace MailSetup.Core.Tests.Rendering;

/// <summary>
/// Reads a generated script the way PowerShell's tokenizer does for the constructs the renderer
/// writes (pwsh is not installed here): comments, single- and double-quoted strings (with the
/// typographic quotes PowerShell also accepts), <c>$(...)</c> inside strings, here-strings, brackets
/// and variables. Reports what would not parse, and what each string evaluates to.
/// </summary>
internal sealed class PowerShellScriptReader
{
    private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";
    private const string DoubleQuotes = "\"\u201C\u201D\u201E";

    private readonly Stack<(char Bracket, int Line)> _brackets = new();
    private int _line;

    private PowerShellScriptReader()
    {
    }

    /// <summary>Problems PowerShell would have parsing the script.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Single-quoted here-strings, in order: the line they start on and their exact text.</summary>
    public List<(int Line, string Text)> HereStrings { get; } = [];

    /// <summary>String literals outside here-strings: where they start and what they evaluate to.</summary>
    /// <remarks>A variable in a double-quoted string evaluates to <c>{$name}</c>, a subexpression to <c>{$(expression)}</c>.</remarks>
    public List<StringToken> Strings { get; } = [];

    /// <summary>Variables read (in code or double-quoted strings), with their line.</summary>
    public List<(int Line, string Name)> Uses { get; } = [];

    /// <summary>Variables assigned (<c>$x =</c>, <c>foreach ($x in</c>, <c>[type] $x</c> parameters), with their line.</summary>
    public List<(int Line, string Name)> Assignments { get; } = [];

    /// <summary>Each line with comments removed and here-string lines blank: what runs.</summary>
    public List<string> Code { get; } = [];

    public static PowerShellScriptReader Read(string script)
    {
        var reader = new PowerShellScriptReader();
        reader.ReadAll(script.Split('\n'));
        return reader;
    }

    private void ReadAll(string[] lines)
    {
        for (_line = 0; _line < lines.Length; _line++)
        {
            var line = lines[_line];
            if (line.EndsWith("@'", StringComparison.Ordinal))
            {
                var start = _line;
                var text = new List<string>();
                Code.Add(Scan(line[..^2], 0, stopAtParen: false, out _));
                for (_line++; _line < lines.Length && lines[_line] != "'@"; _line++)
                {
                    text.Add(lines[_line]);
                    Code.Add("");
                }
                if (_line == lines.Length) Problems.Add($"line {start + 1}: here-string never closed");
                Code.Add("");
                HereStrings.Add((start, string.Join("\n", text)));
                continue;
            }
            if (line.EndsWith("@\"", StringComparison.Ordinal)) Problems.Add($"line {_line + 1}: double-quoted here-strings are not expected");
            Code.Add(Scan(line, 0, stopAtParen: false, out _));
        }
        foreach (var (bracket, line) in _brackets) Problems.Add($"line {line + 1}: '{bracket}' never closed");
    }

    /// <summary>Scans code from <paramref name="start"/>; returns the code text (strings kept, comment dropped).</summary>
    private string Scan(string line, int start, bool stopAtParen, out int end)
    {
        var code = new StringBuilder();
        var depth = _brackets.Count;
        var i = start;
        while (i < line.Length)
        {
            var c = line[i];
            if (c == '#')
            {
                if (i > 0 && line[i - 1] == '<') Problems.Add($"line {_line + 1}: block comments are not expected");
                if (stopAtParen) Problems.Add($"line {_line + 1}: comment inside $(...)");
                break;
            }
            if (SingleQuotes.Contains(c))
            {
                var from = i;
                var value = SingleQuoted(line, ref i);
                Strings.Add(new(_line, from, '\'', value));
                code.Append(line, from, i - from);
                continue;
            }
            if (DoubleQuotes.Contains(c))
            {
                var from = i;
                var value = DoubleQuoted(line, ref i);
                Strings.Add(new(_line, from, '"', value));
                code.Append(line, from, i - from);
                continue;
            }
            if (c == '$')
            {
                var from = i;
                var name = Variable(line, ref i);
                if (name is not null) NoteVariable(line, from, i, name);
                code.Append(line, from, i - from);
                continue;
            }
            if (c == '`') Problems.Add($"line {_line + 1}: backtick outside a string");
            if (c is '(' or '{' or '[') _brackets.Push((c, _line));
            if (c is ')' or '}' or ']')
            {
                if (stopAtParen && c == ')' && _brackets.Count == depth)
                {
                    end = i + 1;
                    return code.ToString();
                }
                if (_brackets.Count == 0 || _brackets.Pop().Bracket != Opening(c))
                    Problems.Add($"line {_line + 1}: '{c}' closes nothing that is open");
            }
            code.Append(c);
            i++;
        }
        if (stopAtParen) Problems.Add($"line {_line + 1}: $( never closed");
        end = line.Length;
        return code.ToString();
    }

    private string SingleQuoted(string line, ref int i)
    {
        var value = new StringBuilder();
        for (i++; i < line.Length; i++)
        {
            if (!SingleQuotes.Contains(line[i]))
            {
                value.Append(line[i]);
                continue;
            }
            if (i + 1 < line.Length && SingleQuotes.Contains(line[i + 1]))
            {
                value.Append(line[i]);
                i++;
                continue;
            }
            i++;
            return value.ToString();
        }
        Problems.Add($"line {_line + 1}: single-quoted string not closed on its line");
        return value.ToString();
    }

    private string DoubleQuoted(string line, ref int i)
    {
        var value = new StringBuilder();
        for (i++; i < line.Length;)
        {
            var c = line[i];
            if (c == '`')
            {
                if (i + 1 < line.Length) value.Append(line[i + 1]);
                i += 2;
                continue;
            }
            if (DoubleQuotes.Contains(c))
            {
                if (i + 1 < line.Length && DoubleQuotes.Contains(line[i + 1]))
                {
                    value.Append(c);
                    i += 2;
                    continue;
                }
                i++;
                return value.ToString();
            }
            if (c == '$' && i + 1 < line.Length && line[i + 1] == '(')
            {
                _brackets.Push(('(', _line));
                var expression = Scan(line, i + 2, stopAtParen: true, out var end);
                _brackets.Pop();
                value.Append("{$(").Append(expression.Trim()).Append(")}");
                i = end;
                continue;
            }
            if (c == '$')
            {
                var from = i;
                var name = Variable(line, ref i);
                if (name is null)
                {
                    value.Append('$');
                    i = from + 1;
                    continue;
                }
                Uses.Add((_line, name));
                value.Append("{$").Append(name).Append('}');
                continue;
            }
            value.Append(c);
            i++;
        }
        Problems.Add($"line {_line + 1}: double-quoted string not closed on its line");
        return value.ToString();
    }

    /// <summary>Reads <c>$name</c> or <c>${name}</c> as PowerShell does: <c>?</c> and <c>:</c> belong to the name.</summary>
    private string? Variable(string line, ref int i)
    {
        var start = i + 1;
        if (start < line.Length && line[start] == '{')
        {
            var close = line.IndexOf('}', start);
            if (close < 0)
            {
                Problems.Add($"line {_line + 1}: ${{ never closed");
                i = line.Length;
                return null;
            }
            i = close + 1;
            return line[(start + 1)..close];
        }
        var end = start;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '_' or '?' or ':')) end++;
        if (end == start)
        {
            i = start;
            return null;
        }
        i = end;
        return line[start..end];
    }

    private void NoteVariable(string line, int from, int end, string name)
    {
        var after = line[end..].TrimStart();
        var before = line[..from].TrimEnd();
        var assigned = (after.StartsWith('=') && !after.StartsWith("==", StringComparison.Ordinal))
            || before.EndsWith(']')
            || (before.EndsWith("foreach (", StringComparison.Ordinal) && after.StartsWith("in ", StringComparison.Ordinal));
        (assigned ? Assignments : Uses).Add((_line, name));
    }

    private static char Opening(char closing) => closing switch
    {
        ')' => '(',
        '}' => '{',
        _ => '[',
    };
}

/// <summary>A string literal: its line, column, quote kind and evaluated value.</summary>
internal sealed record StringToken(int Line, int Column, char Quote, string Value);
