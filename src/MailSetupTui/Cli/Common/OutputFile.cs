namespace MailSetupTui.Cli;

/// <summary>
/// A file the command writes (plan --output, diagnose --trace-out). Checked before any work: an
/// existing file or a symbolic link (even a dangling one) is never written over or followed unless
/// --force is given, and then the link itself is replaced, not its target. Written only when complete.
/// </summary>
internal static class OutputFile
{
    public const string ForceOption = "--force";

    /// <summary>Null when the file can be written to <paramref name="path"/>, else what is wrong (quoting the path).</summary>
    public static string? Problem(string path, bool force)
    {
        if (InputFile.PathProblem(path, "a file path") is { } pathProblem) return pathProblem;
        var shown = InputFile.Shown(path);
        if (Directory.Exists(path)) return $"{shown} is a directory; expected a file path.";
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder)) return $"cannot write {shown}: folder '{folder}' does not exist.";
        var info = new FileInfo(full);
        if (info.LinkTarget is not null && !force)
            return $"{shown} is a symbolic link (to '{info.LinkTarget}'); it is not followed; "
                + $"give another name, or {ForceOption} to replace the link.";
        if (info.Exists && !force) return $"{shown} exists already; give a new file name, or {ForceOption} to replace it.";
        return null;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to a new file (never over an existing one, never through a link), or with
    /// <paramref name="force"/> through a temporary file renamed over the old one, so the target holds its old content or the whole new one.
    /// </summary>
    public static async Task WriteAsync(string path, string text, bool force, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        if (!force)
        {
            // CreateNew is O_CREAT|O_EXCL: it fails on any existing name, a dangling symbolic link included.
            var created = false;
            try
            {
                await using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                created = true;
                await using var writer = new StreamWriter(stream);
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
                return;
            }
            catch when (created)
            {
                File.Delete(target);
                throw;
            }
        }
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Makes the file now, before the work (a new file, or with <paramref name="force"/> a temporary one beside it), so a name that
    /// cannot be written is found before anything is done; <see cref="Reservation.CommitAsync"/> fills it in at the end.
    /// </summary>
    /// <exception cref="IOException">The file cannot be made.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder is not writable.</exception>
    public static Reservation Reserve(string path, bool force)
    {
        var target = Path.GetFullPath(path);
        var file = force ? Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp") : target;
        return new Reservation(target, file, new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None));
    }

    /// <summary>An output file made before the work: committed with its content, or removed again on disposal.</summary>
    public sealed class Reservation(string target, string file, FileStream stream) : IAsyncDisposable
    {
        private bool _committed;

        public async Task CommitAsync(string text, CancellationToken cancellationToken)
        {
            await using (var writer = new StreamWriter(stream))
                await writer.WriteAsync(text.AsMemory(), cancellationToken);
            if (file != target) File.Move(file, target, overwrite: true);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed) File.Delete(file);
        }
    }
}
