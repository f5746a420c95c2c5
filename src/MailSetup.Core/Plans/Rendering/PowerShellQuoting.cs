using System.Text;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// PowerShell string literals. PowerShell also takes the typographic quotes as quote characters
/// (‘ ’ ‚ ‛ and “ ” „), so a name pasted from a word processor must be escaped like a plain quote.
/// </summary>
internal static class PowerShellQuoting
{
    private const string SingleQuotes = "'\u2018\u2019\u201A\u201B";
    private const string DoubleQuotes = "\"\u201C\u201D\u201E";

    /// <summary>A verbatim single-quoted literal: nothing expands, quote characters are doubled.</summary>
    public static string SingleQuoted(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            if (SingleQuotes.Contains(c)) quoted.Append(c);
            quoted.Append(c);
        }
        return quoted.Append('\'').ToString();
    }

    /// <summary>
    /// Literal text for inside a double-quoted string: the backtick escapes <c>`</c>, <c>$</c> (so
    /// <c>$filter</c> stays text) and the double quotes.
    /// </summary>
    public static string DoubleQuotedText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '`' or '$' || DoubleQuotes.Contains(c)) escaped.Append('`');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    /// <summary>A double-quoted string needs <c>${name}</c> when the next character would extend the name.</summary>
    public static bool ExtendsVariableName(char next) => char.IsAsciiLetterOrDigit(next) || next is '_' or '?' or ':';

    /// <summary>Property names that may follow a dot unquoted.</summary>
    public static bool IsSimpleName(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>A member access: <c>.id</c>, or <c>.'@odata.nextLink'</c> for names that are not simple.</summary>
    public static string Member(string name) => "." + (IsSimpleName(name) ? name : SingleQuoted(name));

    /// <summary>Text for a line comment: a line break would end the comment and run the rest as code.</summary>
    public static string CommentText(string text) =>
        text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\r', ' ').Replace('\n', ' ');
}
