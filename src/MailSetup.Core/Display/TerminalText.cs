using System.Buffers;
using System.Text;

namespace MailSetup.Core.Display;

/// <summary>Which layout characters a use of <see cref="TerminalText"/> lets through as they are.</summary>
[Flags]
public enum TerminalTextKeep
{
    /// <summary>A value on one line: tab, line feed and carriage return are escaped too.</summary>
    None = 0,

    /// <summary>Tab stays (a server line, a trace event): it moves the cursor right and nothing else.</summary>
    Tab = 1,

    /// <summary>Line feed stays (whole output written line by line); carriage return is still escaped.</summary>
    LineFeed = 2,
}

/// <summary>
/// The one sanitizer between untrusted text (token claims, server lines, directory names, error
/// messages, file contents) and a terminal. C0 and C1 controls (ESC, so every CSI and OSC sequence;
/// BEL; CR), DEL, the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069, the
/// "Trojan Source" set) and the line and paragraph separators (U+2028, U+2029) are written as
/// visible escapes: <c>\x1B</c> for a character below U+0100, <c>\u202E</c> above. Backslashes are
/// left alone, so ordinary text (paths, domains) never changes, and escaping twice changes nothing.
/// Text with nothing to escape is returned as it is, found by a vectorized scan without allocating.
/// </summary>
public static class TerminalText
{
    private const string Bidi = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u2028\u2029";

    private static readonly SearchValues<char> UnsafeAll = Create(TerminalTextKeep.None);
    private static readonly SearchValues<char> UnsafeButTab = Create(TerminalTextKeep.Tab);
    private static readonly SearchValues<char> UnsafeButLineFeed = Create(TerminalTextKeep.LineFeed);
    private static readonly SearchValues<char> UnsafeButTabAndLineFeed = Create(TerminalTextKeep.Tab | TerminalTextKeep.LineFeed);

    /// <summary>The most characters one escaped character becomes (<c>\u202E</c>).</summary>
    public const int MaxEscapeLength = 6;

    /// <summary>The text with every unsafe character escaped; the same instance when there is none.</summary>
    public static string Escape(string text, TerminalTextKeep keep = TerminalTextKeep.None)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = IndexOfUnsafe(text, keep);
        if (first < 0) return text;
        var result = new StringBuilder(text.Length + 16);
        result.Append(text, 0, first);
        AppendEscaped(result, text.AsSpan(first), keep);
        return result.ToString();
    }

    /// <summary>Appends <paramref name="text"/> to <paramref name="destination"/> with every unsafe character escaped.</summary>
    public static void AppendEscaped(StringBuilder destination, ReadOnlySpan<char> text, TerminalTextKeep keep = TerminalTextKeep.None)
    {
        Span<char> escape = stackalloc char[MaxEscapeLength];
        while (!text.IsEmpty)
        {
            var next = IndexOfUnsafe(text, keep);
            if (next < 0)
            {
                destination.Append(text);
                return;
            }
            destination.Append(text[..next]);
            destination.Append(escape[..WriteEscape(text[next], escape)]);
            text = text[(next + 1)..];
        }
    }

    /// <summary>Where the first character to escape is, or -1: the fast path every caller takes first.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text, TerminalTextKeep keep = TerminalTextKeep.None) =>
        text.IndexOfAny(Values(keep));

    /// <summary>Whether the character must be escaped before it reaches a terminal.</summary>
    public static bool IsUnsafe(char c, TerminalTextKeep keep = TerminalTextKeep.None) => Values(keep).Contains(c);

    /// <summary>Whether the character (a whole code point) must be escaped: for code that works on runes, as the screen buffer does.</summary>
    public static bool IsUnsafe(Rune rune, TerminalTextKeep keep = TerminalTextKeep.None) => rune.IsBmp && IsUnsafe((char)rune.Value, keep);

    /// <summary>
    /// Writes the visible escape of <paramref name="c"/> (<c>\x1B</c> or <c>\u202E</c>, upper-case hex) into
    /// <paramref name="destination"/>, which holds at least <see cref="MaxEscapeLength"/> characters; returns its length.
    /// </summary>
    public static int WriteEscape(char c, Span<char> destination)
    {
        const string hex = "0123456789ABCDEF";
        destination[0] = '\\';
        if (c <= '\u00FF')
        {
            destination[1] = 'x';
            destination[2] = hex[c >> 4];
            destination[3] = hex[c & 0xF];
            return 4;
        }
        destination[1] = 'u';
        destination[2] = hex[c >> 12];
        destination[3] = hex[(c >> 8) & 0xF];
        destination[4] = hex[(c >> 4) & 0xF];
        destination[5] = hex[c & 0xF];
        return 6;
    }

    private static SearchValues<char> Values(TerminalTextKeep keep) => (keep & (TerminalTextKeep.Tab | TerminalTextKeep.LineFeed)) switch
    {
        TerminalTextKeep.None => UnsafeAll,
        TerminalTextKeep.Tab => UnsafeButTab,
        TerminalTextKeep.LineFeed => UnsafeButLineFeed,
        _ => UnsafeButTabAndLineFeed,
    };

    private static SearchValues<char> Create(TerminalTextKeep keep)
    {
        var chars = new List<char>();
        for (var c = '\0'; c < ' '; c++)
        {
            if (c == '\t' && keep.HasFlag(TerminalTextKeep.Tab)) continue;
            if (c == '\n' && keep.HasFlag(TerminalTextKeep.LineFeed)) continue;
            chars.Add(c);
        }
        for (var c = '\u007F'; c <= '\u009F'; c++) chars.Add(c);
        chars.AddRange(Bidi);
        return SearchValues.Create(chars.ToArray());
    }
}
