namespace MailSetup.Core.Mail.Probes;

/// <summary>What a POP3 status line is (RFC 1939, RFC 5034): a positive or negative status, or a SASL continuation.</summary>
public enum Pop3ReplyKind
{
    Ok,
    Err,
    Continuation,
    Invalid,
}

/// <summary>Tells POP3 status lines apart; the text after the status indicator is what a user reads.</summary>
public static class Pop3Reply
{
    public static Pop3ReplyKind Classify(string line)
    {
        if (StartsWithWord(line, "+OK")) return Pop3ReplyKind.Ok;
        if (StartsWithWord(line, "-ERR")) return Pop3ReplyKind.Err;
        if (line == "+" || line.StartsWith("+ ", StringComparison.Ordinal)) return Pop3ReplyKind.Continuation;
        return Pop3ReplyKind.Invalid;
    }

    /// <summary>The text after the status indicator (or the base64 challenge after <c>+ </c>).</summary>
    public static string Text(string line) => Classify(line) switch
    {
        Pop3ReplyKind.Ok => line.Length > 4 ? line[4..] : "",
        Pop3ReplyKind.Err => line.Length > 5 ? line[5..] : "",
        Pop3ReplyKind.Continuation => line.Length > 2 ? line[2..] : "",
        _ => "",
    };

    // "+OK" must be followed by nothing or a space: "+OKAY" is no status.
    private static bool StartsWithWord(string line, string word) =>
        line.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (line.Length == word.Length || line[word.Length] == ' ');
}
