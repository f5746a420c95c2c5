namespace MailSetupTui.Cli;

/// <summary>
/// Says why a file could not be used in the operating system's terms ("no such file or directory"),
/// rather than .NET's exception text, which repeats the full path and hides a directory behind
/// "access denied".
/// </summary>
internal static class FileProblem
{
    public static string Reason(string path, Exception error) => error switch
    {
        _ when Directory.Exists(path) => "is a directory",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "file name too long",
        _ => error.Message,
    };
}
