using System.Diagnostics;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>
/// The real executable as a child process: checks what in-process runs cannot (the composition
/// root, real stdout/stderr, the process exit code).
/// </summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class BinaryTests
{
    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) => RunInAsync(null, args);

    /// <summary>Runs with XDG_STATE_HOME at <paramref name="stateHome"/> (the sandbox tenant's folder) when given.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunInAsync(string? stateHome, params string[] args)
    {
        var start = BuiltProgram.StartInfo(args);
        if (stateHome is not null) start.Environment["XDG_STATE_HOME"] = stateHome;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public void Program_is_copied_next_to_the_tests()
    {
        Assert.True(File.Exists(BuiltProgram.Dll), $"missing {BuiltProgram.Dll}");
        Assert.True(File.Exists(Path.ChangeExtension(BuiltProgram.Dll, ".runtimeconfig.json")), "missing mailsetup.runtimeconfig.json");
    }

    [Fact]
    public async Task On_the_sandbox_apply_then_diagnose_as_JSON_work_and_keep_secrets_out()
    {
        using var state = new MailSetup.Testing.TempFolder();
        var applied =
            await RunInAsync(state.Path, "apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Reader", "--mailbox",
                "support@contoso.onmicrosoft.com", "--yes", "--secret-out", Path.Combine(state.Path, "secret.txt"));
        Assert.True(applied.ExitCode == 0, applied.Stderr);

        var again =
            await RunInAsync(state.Path, "apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Reader", "--mailbox",
                "support@contoso.onmicrosoft.com", "--yes", "--format", "json", "--secret-out", Path.Combine(state.Path, "again.txt"));
        Assert.True(again.ExitCode == 0, again.Stderr);
        Assert.Equal(0, System.Text.Json.JsonDocument.Parse(again.Stdout).RootElement.GetProperty("changed").GetInt32());

        var diagnosed =
            await RunInAsync(state.Path, "diagnose", "imap", "--sandbox", "--mailbox", "support@contoso.onmicrosoft.com", "--format", "json");
        Assert.True(diagnosed.ExitCode == 0, diagnosed.Stderr);
        var imap = Assert.Single(System.Text.Json.JsonDocument.Parse(diagnosed.Stdout).RootElement.GetProperty("protocols").EnumerateArray());
        Assert.True(imap.GetProperty("succeeded").GetBoolean());
        Assert.NotEmpty(imap.GetProperty("trace").EnumerateArray());
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{8,}\.", diagnosed.Stdout + diagnosed.Stderr);
    }

    [Fact]
    public async Task Plan_prints_the_plan_and_exits_zero()
    {
        var (exitCode, stdout, stderr) =
            await RunAsync("plan", "--preset", "imap-app", "--app-name", "Mail reader", "--mailbox", "support@contoso.com");
        Assert.True(exitCode == 0, stderr);
        Assert.Empty(stderr);
        Assert.Contains("Mail reader", stdout);
        Assert.Contains("support@contoso.com", stdout);
    }

    [Fact]
    public async Task Bad_input_exits_two_with_errors_on_stderr_only()
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
    public async Task Version_prints_the_version()
    {
        var (exitCode, stdout, _) = await RunAsync("--version");
        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }
}
