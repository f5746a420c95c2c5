namespace MailSetupTui.Cli;

/// <summary>
/// Reads a token from a file or stdin ("-") and strips what people paste along with it: whitespace,
/// line breaks and a leading "Bearer ". Errors never quote the content, which may be a live token.
/// </summary>
internal static class TokenInput
{
    public const string Stdin = "-";

    public static async Task<(string? Token, CliError? Error)> ReadAsync(string source, TextReader stdin, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = source == Stdin ? await stdin.ReadToEndAsync(cancellationToken) : await File.ReadAllTextAsync(source, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new CliError(source, $"{FileProblem.Reason(source, e)}; expected a file holding one access token (or - for stdin)."));
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
