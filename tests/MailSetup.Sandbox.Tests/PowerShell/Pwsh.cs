using System.Diagnostics;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.PowerShell;

/// <summary>
/// PowerShell 7.6.10 from the repository's tool manifest (<c>dotnet tool run pwsh</c>; <c>./test.sh</c>
/// restores it), with only the stand-in modules of <c>PowerShell/Modules</c> on its module path, so
/// no module installed on the machine (or the real Microsoft ones) can answer instead.
/// </summary>
public static class Pwsh
{
    public static string ModulesFolder { get; } =
        Path.Combine(RepositoryRoot.Path, "tests", "MailSetup.Sandbox.Tests", "PowerShell", "Modules");

    public sealed record Result(int ExitCode, string Output, string Errors)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
    }

    /// <summary>Runs <paramref name="command"/> (PowerShell text) in a new, non-interactive pwsh without profiles.</summary>
    public static async Task<Result> RunAsync(string command, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path, // where the tool manifest is found
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "tool", "run", "pwsh", "--", "-NoProfile", "-NonInteractive", "-Command", command })
            start.ArgumentList.Add(argument);
        start.Environment["PSModulePath"] = ModulesFolder;
        // Nothing phones home, and the output has no colour codes to assert around.
        start.Environment["POWERSHELL_TELEMETRY_OPTOUT"] = "1";
        start.Environment["POWERSHELL_UPDATECHECK"] = "Off";
        start.Environment["NO_COLOR"] = "1";
        start.Environment["TERM"] = "dumb";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await output, await errors);
    }

    /// <summary>A PowerShell single-quoted string literal of <paramref name="text"/>.</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
