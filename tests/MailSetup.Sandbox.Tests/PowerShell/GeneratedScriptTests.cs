using System.Diagnostics;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Execution;
using MailSetup.Testing;
using Xunit.Abstractions;

namespace MailSetup.Sandbox.Tests.PowerShell;

/// <summary>
/// The PowerShell export, proven with PowerShell 7.6.10 itself: every snapshot script parses, and
/// each case's script, run against a sandbox on Kestrel through the stand-in Graph and Exchange
/// modules, leaves the tenant as <c>mailsetup apply</c> of the same plan does, and a second run
/// changes nothing.
/// </summary>
public sealed class GeneratedScriptTests(ITestOutputHelper output)
{
    /// <summary>Every case but adoption, which needs an app that exists before the plan (PlanRunnerTests has it).</summary>
    public static TheoryData<string> Cases() => new(PlanCases.All.Keys.Where(k => k != "imap-app-adopt"));

    [Fact]
    public async Task Every_snapshot_script_parses_with_no_errors_in_PowerShell_7_6()
    {
        var scripts = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "snapshots"), "*.powershell.verified.txt", SearchOption.AllDirectories);
        Assert.NotEmpty(scripts);
        var parser = Path.Combine(RepositoryRoot.Path, "tests", "MailSetup.Sandbox.Tests", "PowerShell", "Test-ScriptSyntax.ps1");
        var clock = Stopwatch.StartNew();
        var result = await Pwsh.RunAsync($"& {Pwsh.Quote(parser)} -Path {string.Join(", ", scripts.Select(Pwsh.Quote))}");
        output.WriteLine($"{scripts.Length} scripts parsed in {clock.ElapsedMilliseconds} ms");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(scripts.Length, lines.Length);
        Assert.All(lines, line => Assert.Contains(": 0 error(s)", line, StringComparison.Ordinal));
        Assert.Equal(scripts.Select(Path.GetFileName).Order(), lines.Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)]).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_script_run_reaches_the_apply_end_state_and_a_second_run_is_unchanged(string caseName)
    {
        // mailsetup apply of the plan, in memory, for the end state to compare with.
        await using var apply = new SandboxRun();
        var seeded = TenantEndState.Ids(apply.Tenant);
        var plan = apply.Plan(PlanCases.All[caseName]);
        var applied = await apply.ApplyAsync(plan);
        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));

        // The same plan's script against a sandbox of its own, on Kestrel over TLS.
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System, new TenantSeedOptions { UserMailboxes = 50 });
        await using var host = await SandboxHost.StartAsync(tenant);
        using var folder = new TempFolder();
        var script = folder.Write("setup.ps1", new PowerShellPlanRenderer().Render(plan));
        var secretFile = folder.File("secret.txt");
        var secondSecretFile = folder.File("secret-again.txt");
        var hasSecret = plan.References.Any(r => r.Secret);

        var clock = Stopwatch.StartNew();
        var result = await Pwsh.RunAsync(TwoRuns(script, hasSecret, secretFile, secondSecretFile), new Dictionary<string, string>
        {
            ["MAILSETUP_SANDBOX_URL"] = host.BaseAddress,
            ["MAILSETUP_SANDBOX_TENANT"] = tenant.TenantId,
        });
        output.WriteLine($"{caseName}: two runs in one pwsh in {clock.ElapsedMilliseconds} ms");

        // The secret goes to the file (readable only by its owner), and nowhere else. Checked before anything prints the
        // output, and with messages that do not quote it.
        if (hasSecret)
        {
            var secret = File.ReadAllText(secretFile);
            Assert.True(secret.Length >= 30, "the secret file is too short to hold a secret");
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
            Assert.False(result.Output.Contains(secret, StringComparison.Ordinal), "the secret's value is in the script's output");
            Assert.False(result.Errors.Contains(secret, StringComparison.Ordinal), "the secret's value is in the script's errors");
        }
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(secondSecretFile), "the second run made another secret");

        // A check that fails only warns in the script: here it would mean a stand-in cmdlet the sandbox does not understand.
        Assert.DoesNotContain("could not check", result.Output, StringComparison.Ordinal);
        var (first, second) = Split(result.Output);
        Assert.Contains("] created: ", first, StringComparison.Ordinal);
        Assert.Contains("Setup done.", second, StringComparison.Ordinal);
        foreach (var changed in new[] { "] created: ", "] changed: ", "] generated: " })
            Assert.DoesNotContain(changed, second, StringComparison.Ordinal);

        var (byApply, byScript) = (TenantEndState.Of(apply.Tenant, seeded), TenantEndState.Of(tenant, seeded));
        Assert.True(byApply.SequenceEqual(byScript), "only after apply:\n" + string.Join("\n", byApply.Except(byScript)) +
            "\nonly after the script:\n" + string.Join("\n", byScript.Except(byApply)));
    }

    private const string Between = "=== second run ===";

    /// <summary>
    /// Both runs in one pwsh (it is slow to start); the second gets a new secret file, which it must not write. The admin's
    /// answers to Read-Host (the certificate file's password) come from a function of that name, which PowerShell finds
    /// before the cmdlet.
    /// </summary>
    private static string TwoRuns(string script, bool hasSecret, string secretFile, string secondSecretFile)
    {
        string Run(string file) => hasSecret ? $"& {Pwsh.Quote(script)} -SecretFile {Pwsh.Quote(file)}" : $"& {Pwsh.Quote(script)}";
        const string admin = "function global:Read-Host { param([switch] $AsSecureString, [string] $Prompt) " +
            "ConvertTo-SecureString 'pfx-test-password' -AsPlainText -Force }";
        return $"$ErrorActionPreference = 'Stop'; {admin}; {Run(secretFile)}; Write-Host '{Between}'; {Run(secondSecretFile)}";
    }

    private static (string First, string Second) Split(string output)
    {
        var at = output.IndexOf(Between, StringComparison.Ordinal);
        Assert.True(at >= 0, "the first run did not finish:\n" + output);
        return (output[..at], output[(at + Between.Length)..]);
    }
}
