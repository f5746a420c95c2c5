namespace MailSetupTui.Cli;

/// <summary>
/// Reads a token from a file or stdin ("-") and strips what people paste along with it: whitespace,
/// line breaks and a leading "Bearer ". Errors never quote the content, which may be a live token.
/// </summary>
internal static class TokenInput
{
    public const string Stdin = "-";

    /// <summary>Access tokens are a few KB (Entra's rarely pass 8 KB); far more is not a token.</summary>
    public const int MaxBytes = 256 * 1024;

    public static async Task<(string? Token, CliError? Error)> ReadAsync(string source, TextReader stdin, CancellationToken cancellationToken)
    {
        const string expected = "a file holding one access token (or - for stdin)";
        string text;
        if (source == Stdin)
        {
            // Bounded like a file: a token is a few KB, and stdin may be a device or never end.
            var buffer = new char[MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stdin.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0) total += read;
            if (total > MaxBytes) return (null, new CliError("stdin", $"holds more than {MaxBytes / 1024} KB; expected one access token (a JWT)."));
            text = new string(buffer, 0, total);
        }
        else
        {
            var (fileText, problem) = InputFile.ReadText(source, MaxBytes, expected);
            if (fileText is null) return (null, new CliError(InputFile.Shown(source).Trim('\''), problem!));
            text = fileText;
        }
        var token = Clean(text);
        return token.Length == 0
            ? (null, new CliError(Subject(source), "is empty; expected one access token (a JWT)."))
            : (token, null);
    }

    /// <summary>How a problem with the content names its source: the file, or stdin.</summary>
    public static string Subject(string source) => source == Stdin ? "stdin" : source;

    private static string Clean(string text)
    {
        var token = text.Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token["Bearer ".Length..].Trim();
        // A token wrapped over lines by a terminal or an editor: JWTs hold no whitespace.
        return string.Concat(token.Where(c => !char.IsWhiteSpace(c)));
    }
}
