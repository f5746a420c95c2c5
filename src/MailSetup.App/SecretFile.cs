namespace MailSetup.App;

/// <summary>A secret written to a file of its own: new (never over another file, never through a symbolic link) and readable only by
/// its owner from creation.</summary>
public static class SecretFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="secret"/> to the new file <paramref name="path"/>; fails (IOException) rather than overwrite
    /// anything.</summary>
    public static async Task WriteNewAsync(string path, string secret, CancellationToken cancellationToken)
    {
        await using var stream = CreateNew(path);
        await WriteAsync(stream, secret, cancellationToken);
    }

    /// <summary>
    /// Creates the new, empty file <paramref name="path"/> (O_CREAT|O_EXCL: an existing file or a symbolic link in its place, dangling or
    /// not, is refused, so nothing is followed), mode 0600 from the start, and keeps it open for the secret.
    /// </summary>
    /// <exception cref="IOException">It cannot be created; the message says why and names the path.</exception>
    public static FileStream CreateNew(string path)
    {
        if (path.Length == 0) throw new IOException("an empty name is not a file name.");
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) throw new IOException($"'{path}' is a symbolic link; a secret is never written through one.");
        if (info.Exists || Directory.Exists(path))
            throw new IOException($"'{path}' exists already; expected a new file (a secret is never written over another).");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        try
        {
            return new FileStream(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = e switch
            {
                PathTooLongException => "the name is too long",
                DirectoryNotFoundException => "its folder does not exist",
                UnauthorizedAccessException => "permission denied",
                _ when File.Exists(path) || new FileInfo(path).LinkTarget is not null => "it exists already",
                _ => e.Message.TrimEnd('.'),
            };
            throw new IOException($"cannot create '{path}': {reason}.", e);
        }
    }

    /// <summary>Writes the secret and a newline, and flushes it to the disk.</summary>
    public static async Task WriteAsync(Stream stream, string secret, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(secret + "\n");
        await stream.WriteAsync(bytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        if (stream is FileStream file) file.Flush(flushToDisk: true);
    }
}
