namespace MailSetupTui.Tests.Support;

/// <summary>What one run of mailsetup did: exit code and everything it wrote.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stderr's lines, without the empty one after the last newline.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Stderr.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
