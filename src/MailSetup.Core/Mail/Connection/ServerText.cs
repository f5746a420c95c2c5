using System.Globalization;
using System.Text;

namespace MailSetup.Core.Mail.Connection;

/// <summary>Makes text from a server safe to show: control characters become visible escapes.</summary>
public static class ServerText
{
    /// <summary>
    /// Replaces C0 and C1 control characters (tab aside) and DEL with <c>\xNN</c>, so a line can never carry a
    /// terminal escape sequence, a NUL or a bare CR into a screen or a log. Returns the same string when clean.
    /// </summary>
    public static string Printable(string text)
    {
        var first = IndexOfControl(text, 0);
        if (first < 0) return text;
        var result = new StringBuilder(text.Length + 8);
        result.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (IsControl(c)) result.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else result.Append(c);
        }
        return result.ToString();
    }

    private static int IndexOfControl(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
            if (IsControl(text[i])) return i;
        return -1;
    }

    private static bool IsControl(char c) => c != '\t' && (c < ' ' || c is >= '\u007F' and <= '\u009F');
}
