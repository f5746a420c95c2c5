namespace MailSetup.Core.Mail.Probes;

/// <summary>One IMAP response line (literals inlined as placeholders): tagged, untagged (<c>*</c>) or continuation (<c>+</c>).</summary>
public sealed record ImapResponse(string Line)
{
    public bool IsContinuation => Line == "+" || Line.StartsWith("+ ", StringComparison.Ordinal);
    public bool IsUntagged => Line.StartsWith("* ", StringComparison.Ordinal);

    /// <summary>The text after <c>+ </c>: for SASL, a base64 challenge.</summary>
    public string ContinuationText => Line.Length > 2 ? Line[2..] : "";

    /// <summary>
    /// Untagged, a continuation, or tagged: a tag (ASCII letters and digits, as any client's) and a space before more text.
    /// Anything else is no IMAP response at all.
    /// </summary>
    public bool IsWellFormed
    {
        get
        {
            if (IsUntagged || IsContinuation) return true;
            var space = Line.IndexOf(' ');
            return space > 0 && space < Line.Length - 1 && Line.AsSpan(0, space).IndexOfAnyExceptInRange('!', '~') < 0
                && !Line.StartsWith('*') && !Line.StartsWith('+');
        }
    }

    public bool IsTagged(string tag) => Line.StartsWith(tag + " ", StringComparison.Ordinal);

    /// <summary>The status word after the tag or <c>*</c> (OK, NO, BAD, BYE, PREAUTH, CAPABILITY...), upper-case.</summary>
    public string Status
    {
        get
        {
            var parts = Line.Split(' ', 3);
            return parts.Length > 1 ? parts[1].ToUpperInvariant() : "";
        }
    }

    /// <summary>Capabilities from <c>* CAPABILITY ...</c> or an <c>[CAPABILITY ...]</c> response code.</summary>
    public IReadOnlyList<string>? Capabilities
    {
        get
        {
            const string code = "[CAPABILITY ";
            var at = Line.IndexOf(code, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var end = Line.IndexOf(']', at);
                if (end > at) return Split(Line[(at + code.Length)..end]);
            }
            return IsUntagged && Status == "CAPABILITY" ? Split(Line[("* CAPABILITY".Length)..]) : null;
        }
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
