namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// What the SMTP probe does after a successful login to prove the mailbox may send: MAIL FROM and RCPT TO, then
/// either a small test message (DATA) or RSET, which abandons the envelope so nothing is sent.
/// </summary>
public sealed record SmtpEnvelope
{
    /// <summary>The envelope sender; Exchange checks it against the mailbox (SendAs).</summary>
    public required string MailFrom { get; init; }

    public required IReadOnlyList<string> RcptTo { get; init; }

    /// <summary>Send a test message after the envelope was accepted; otherwise RSET and send nothing.</summary>
    public bool SendTestMessage { get; init; }

    /// <summary>The test message's body text (lines separated by LF or CRLF); a line starting with a dot is dot-stuffed.</summary>
    public string Body { get; init; } = "This is a test message from mailsetup: the mailbox can send over SMTP with OAuth.";

    internal void Validate()
    {
        if (RcptTo.Count == 0) throw new ArgumentException("An SMTP envelope needs at least one recipient.", nameof(RcptTo));
        foreach (var address in (string[])[MailFrom, .. RcptTo])
            if (address.AsSpan().IndexOfAny("\r\n<>") >= 0 || address.Length > 256)
                throw new ArgumentException($"'{address.Replace("\r", "\\r").Replace("\n", "\\n")}' is no usable address for an SMTP envelope.");
    }
}
