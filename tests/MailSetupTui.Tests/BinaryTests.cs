using System.Diagnostics;

namespace MailSetupTui.Tests;

/// <summary>
/// The real executable as a child process: checks what in-process runs cannot (the composition
/// root, real stdout/stderr, the process exit code).
/// </summary>
public sealed class BinaryTests
{
    /// <summary>The built mailsetup.dll, copied next to the tests by the project reference.</summary>
    private static string Program => Path.Combine(AppContext.BaseDirectory, "mailsetup.dll");

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The dotnet host running these tests (the SDK exports its path), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    [Fact]
    public void ProgramIsCopiedNextToTheTests()
    {
        Assert.True(File.Exists(Program), $"missing {Program}");
        Assert.True(File.Exists(Path.ChangeExtension(Program, ".runtimeconfig.json")), "missing mailsetup.runtimeconfig.json");
    }

    [Fact]
    public async Task PlanPrintsThePlanAndExitsZero()
    {
        var (exitCode, stdout, stderr) = await RunAsync("plan", "--preset", "imap-app", "--app-name", "Mail reader", "--mailbox", "support@contoso.com");
        Assert.True(exitCode == 0, stderr);
        Assert.Empty(stderr);
        Assert.Contains("Mail reader", stdout);
        Assert.Contains("support@contoso.com", stdout);
    }

    [Fact]
    public async Task BadInputExitsTwoWithErrorsOnStderrOnly()
    {
        var (exitCode, stdout, stderr) = await RunAsync("plan", "--preset", "imap-ap", "--app-name", "Mail reader", "--bogus");
        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var lines = stderr.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(
            [
                "mailsetup: error: --bogus: unknown option for 'plan'.",
                "mailsetup: error: --preset: unknown preset 'imap-ap'; did you mean 'imap-app'?",
                "Run 'mailsetup plan --help' for usage.",
            ],
            lines);
    }

    [Fact]
    public async Task VersionPrintsTheVersion()
    {
        var (exitCode, stdout, _) = await RunAsync("--version");
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }
}
