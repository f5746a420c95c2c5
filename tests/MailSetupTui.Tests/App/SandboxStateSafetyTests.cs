using MailSetup.App;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.App;

/// <summary>
/// The sandbox's state file under concurrent runs and when it is damaged: runs on the same tenant
/// never lose each other's work, and a file that cannot be used is one clear line in every command.
/// </summary>
public sealed class SandboxStateSafetyTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private StateFolders Folders => new(_state.Path);

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(s => s.AddSingleton(Folders), args);

    [Fact]
    public async Task Concurrent_applies_of_different_apps_all_end_with_their_apps_present()
    {
        var names = Enumerable.Range(1, 4).Select(i => $"Relay {i}").ToList();
        var runs = await Task.WhenAll(names.Select(name => Task.Run(() => RunAsync(
            "apply", "--sandbox", "--preset", "imap-app", "--app-name", name, "--mailbox", Support, "--yes",
            "--secret-out", Path.Combine(_state.Path, name.Replace(' ', '-') + ".secret")))));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var tenant = SandboxTenant.LoadOrSeed(Folders.SandboxStore, TestClock.Default);
        var apps = tenant.Read(s => s.Applications.Select(a => a.DisplayName).ToList());
        Assert.All(names, name => Assert.Contains(name, apps));
        Assert.Empty(Directory.GetFiles(_state.Path, "*.tmp"));
        // Four runs, four journals of their own, owner-only in an owner-only folder.
        var journals = Directory.GetFiles(Folders.Journals, "apply-*.jsonl");
        Assert.Equal(4, journals.Length);
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folders.Journals));
        foreach (var journal in journals) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(journal));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("{\"version\": 1, \"tenantId\": \"cut sho", "is not a saved tenant (bad JSON")]
    [InlineData("\u0000\u0001binary\u00ff", "is not a saved tenant (bad JSON")]
    [InlineData("{\"version\": 999}", "has version 999")]
    public async Task A_damaged_state_file_is_one_clear_line_naming_the_file_and_the_way_out(string content, string problem)
    {
        Directory.CreateDirectory(_state.Path);
        await File.WriteAllTextAsync(Folders.SandboxStore.Path, content);

        foreach (var args in new[]
        {
            new[]
            {
                "apply", "--sandbox", "--preset", "imap-app", "--app-name", "Relay", "--mailbox", Support, "--yes", "--secret-out", _state.File("s"),
            },
            ["diagnose", "imap", "--sandbox", "--mailbox", Support],
            ["preflight", "imap", "--sandbox", "--mailbox", Support],
        })
        {
            var result = await RunAsync(args);
            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(result.ErrorLines, l => l.StartsWith("mailsetup: error: ", StringComparison.Ordinal));
            Assert.Contains($"the sandbox state '{Folders.SandboxStore.Path}' {problem}", line);
            Assert.Contains("run 'mailsetup sandbox reset' (it keeps the file as a backup)", line);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        Assert.Equal(content, await File.ReadAllTextAsync(Folders.SandboxStore.Path));
    }
}
