using System.Text;

namespace MailSetupTui.Cli;

/// <summary>
/// Reads a file named on the command line with a bound: a device (<c>/dev/zero</c>), a huge or a
/// binary file is a clear problem with the file, never an out-of-memory crash or a hang. Every problem
/// names the path (shortened when long) and what was expected.
/// </summary>
internal static class InputFile
{
    /// <summary>Longest path Linux accepts (PATH_MAX, with its terminating NUL).</summary>
    public const int MaxPathBytes = 4095;

    /// <summary>Longest file or folder name Linux accepts (NAME_MAX).</summary>
    public const int MaxNameBytes = 255;

    private const int ShownLength = 160;

    /// <summary>The value as an error quotes it: in quotes, shortened (with its length) when long, so the line stays one line.</summary>
    public static string Shown(string value) =>
        value.Length <= ShownLength ? $"'{value}'" : $"'{value[..ShownLength]}…' ({value.Length} characters)";

    /// <summary>Null when <paramref name="path"/> can name a file, else what is wrong with it (an empty or over-long path).</summary>
    public static string? PathProblem(string path, string expected)
    {
        if (string.IsNullOrWhiteSpace(path)) return $"{Shown(path)} is empty; expected {expected}.";
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > MaxPathBytes) return $"{Shown(path)} is too long ({bytes} bytes; a path has at most {MaxPathBytes}); expected {expected}.";
        if (path.Split('/').Any(name => Encoding.UTF8.GetByteCount(name) > MaxNameBytes))
            return $"{Shown(path)} has a name longer than {MaxNameBytes} bytes; expected {expected}.";
        return null;
    }

    /// <summary>The file's text, or (null, the problem) when it is not a readable text file of at most <paramref name="maxBytes"/>.</summary>
    public static (string? Text, string? Problem) ReadText(string path, int maxBytes, string expected)
    {
        var (bytes, problem) = ReadBytes(path, maxBytes, expected);
        if (bytes is null) return (null, problem);
        if (Array.IndexOf(bytes, (byte)0) >= 0) return (null, $"{Shown(path)} is not a text file; expected {expected}.");
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"{Shown(path)} is not a text file (not UTF-8); expected {expected}.");
        }
    }

    /// <summary>The file's bytes, or (null, the problem) when it cannot be read or holds more than <paramref name="maxBytes"/>.</summary>
    public static (byte[]? Bytes, string? Problem) ReadBytes(string path, int maxBytes, string expected)
    {
        if (PathProblem(path, expected) is { } pathProblem) return (null, pathProblem);
        if (Directory.Exists(path)) return (null, $"cannot read {Shown(path)}: is a directory; expected {expected}.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) total += read;
            if (total > maxBytes)
                return (null, $"{Shown(path)} is larger than {Size(maxBytes)} (or never ends, as a device does); expected {expected}.");
            return (buffer[..total], null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, $"cannot read {Shown(path)}: {FileProblem.Reason(path, e)}; expected {expected}.");
        }
    }

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
