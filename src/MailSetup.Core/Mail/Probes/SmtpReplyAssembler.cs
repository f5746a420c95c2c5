namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// Collects the lines of one SMTP reply: <c>250-</c> lines continue it, the first line without the dash ends it
/// (RFC 5321 4.2.1). Kept apart from the connection so the assembly can be tested on its own.
/// </summary>
public sealed class SmtpReplyAssembler
{
    private readonly List<string> _lines = [];

    /// <summary>Lines collected so far for the reply under way.</summary>
    public int Count => _lines.Count;

    /// <summary>
    /// Adds one line. Returns false when the line is no reply line (the reply is then broken); otherwise true, with
    /// <paramref name="complete"/> set to the whole reply once its last line arrived (and the assembler reset), else null.
    /// </summary>
    public bool TryAdd(string line, out SmtpReply? complete)
    {
        complete = null;
        if (SmtpReply.ParseLine(line) is not { } parsed) return false;
        _lines.Add(line);
        if (parsed.More) return true;
        complete = SmtpReply.From(parsed.Code, [.. _lines]);
        _lines.Clear();
        return true;
    }
}
