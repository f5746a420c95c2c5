using System.Globalization;
using System.Text.RegularExpressions;

namespace MailSetup.Core.Mail.Probes;

/// <summary>A complete (possibly multiline) SMTP reply: code, enhanced status code (RFC 3463) when present, and text lines.</summary>
public sealed partial record SmtpReply(int Code, string? EnhancedStatus, IReadOnlyList<string> Lines)
{
    /// <summary>The last line as the server sent it, e.g. <c>535 5.7.8 Authentication failed.</c></summary>
    public string FinalLine => Lines[^1];

    public bool IsPositive => Code is >= 200 and < 400;

    /// <summary>Splits a reply line into code, continuation flag and text; null when it is no reply line.</summary>
    public static (int Code, bool More, string Text)? ParseLine(string line)
    {
        if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code < 200
            || code > 599)
            return null;
        if (line.Length == 3) return (code, false, "");
        return line[3] switch
        {
            '-' => (code, true, line[4..]),
            ' ' => (code, false, line[4..]),
            _ => null,
        };
    }

    public static SmtpReply From(int code, IReadOnlyList<string> lines)
    {
        var text = ParseLine(lines[^1])?.Text ?? "";
        var match = Enhanced().Match(text);
        return new SmtpReply(code, match.Success ? match.Value : null, lines);
    }

    [GeneratedRegex(@"^[245]\.\d{1,3}\.\d{1,3}(?=\s|$)")]
    private static partial Regex Enhanced();
}
