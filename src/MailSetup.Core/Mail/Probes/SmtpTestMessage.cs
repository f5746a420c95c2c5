using System.Globalization;
using System.Text;

namespace MailSetup.Core.Mail.Probes;

/// <summary>The small RFC 5322 message the SMTP probe sends when asked, encoded for DATA (CRLF lines, dot-stuffed, ending in a lone dot).</summary>
public static class SmtpTestMessage
{
    public const string Subject = "mailsetup test";

    /// <summary>Header and body lines of the message (before dot-stuffing).</summary>
    public static IReadOnlyList<string> Lines(SmtpEnvelope envelope, DateTimeOffset date, string clientName, Guid id)
    {
        var lines = new List<string>
        {
            "Date: " + date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) +
                date.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", ""),
            $"From: <{envelope.MailFrom}>",
            "To: " + string.Join(", ", envelope.RcptTo.Select(r => $"<{r}>")),
            "Subject: " + Subject,
            $"Message-ID: <{id:N}@{clientName}>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 8bit",
            "",
        };
        lines.AddRange(envelope.Body.ReplaceLineEndings("\n").Split('\n'));
        return lines;
    }

    /// <summary>RFC 5321 4.5.2: a line starting with '.' gets one more; the data ends with CRLF.CRLF.</summary>
    public static byte[] Encode(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new ArgumentException("A message line must not contain CR or LF.", nameof(lines));
            if (line.StartsWith('.')) text.Append('.');
            text.Append(line).Append("\r\n");
        }
        text.Append(".\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The receiving side of <see cref="Encode"/>: lines of the data up to the lone dot, un-stuffed.</summary>
    public static IReadOnlyList<string> Decode(string data)
    {
        var lines = new List<string>();
        foreach (var line in data.Split("\r\n"))
        {
            if (line == ".") return lines;
            lines.Add(line.StartsWith('.') ? line[1..] : line);
        }
        throw new FormatException("The data does not end with a lone dot.");
    }
}
