namespace MailSetup.App;

/// <summary>A secret written to a file of its own: new (never over another file) and readable only by its owner from creation.</summary>
public static class SecretFile
{
    /// <summary>Writes <paramref name="secret"/> to the new file <paramref name="path"/>; fails (IOException) rather than overwrite
    /// anything.</summary>
    public static async Task WriteNewAsync(string path, string secret, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync((secret + "\n").AsMemory(), cancellationToken);
    }
}
