using MailSetup.App;
using MailSetup.Testing;
using System.Text.Json;
using MailSetup.Core.Execution;
using MailSetup.Sandbox.State;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary><c>mailsetup apply</c> and <c>rollback</c> on the sandbox, in-process, with the tenant in a temporary state folder.</summary>
public sealed class ApplyCommandTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private readonly TempFolder _folder = new();
    private readonly SandboxStateStore _store;
    private readonly Dictionary<string, string> _environment = [];

    public ApplyCommandTests() => _store = new SandboxStateStore(_folder.File("state/mailsetup/sandbox-tenant.json"));

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(services => services
        .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
        .AddSingleton<IEnvironment>(new DictionaryEnvironment(_environment)), args);

    private string[] Apply(params string[] more) =>
        ["apply", "--sandbox", "--preset", "imap-app,smtp-app", "--app-name", "Mail Relay", "--mailbox", Support, "--yes", .. more];

    [Fact]
    public async Task Apply_to_the_sandbox_succeeds_and_a_second_run_reports_nothing_changed()
    {
        var first = await RunAsync(Apply("--secret-out", _folder.File("secret.txt")));
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Done: 8 changed, 5 unchanged.", first.Stdout);
        Assert.Contains("applying 13 steps to the sandbox tenant contoso.onmicrosoft.com", first.Stderr);

        var second = await RunAsync(Apply());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Done: 0 changed, 13 unchanged.", second.Stdout);
    }

    [Fact]
    public async Task The_new_secret_is_only_in_the_secret_file_with_mode_0600()
    {
        var secretFile = _folder.File("secret.txt");
        var result = await RunAsync(Apply("--secret-out", secretFile, "--journal", _folder.File("run.jsonl")));
        Assert.True(result.ExitCode == 0, result.ToString());

        var canary = File.ReadAllText(secretFile).Trim();
        Assert.True(canary.Length >= 30, "the secret file holds a secret");
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
        Assert.DoesNotContain(canary, result.Stdout);
        Assert.DoesNotContain(canary, result.Stderr);
        Assert.DoesNotContain(canary, File.ReadAllText(_folder.File("run.jsonl")));
        Assert.DoesNotContain(canary, File.ReadAllText(_store.Path));
        Assert.Contains("the new client secret is in " + secretFile + " (mode 0600)", result.Stderr);
    }

    [Fact]
    public async Task Json_result_counts_changes_and_lists_every_step()
    {
        var result = await RunAsync(Apply("--secret-out", _folder.File("secret.txt"), "--format", "json"));
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(8, json.RootElement.GetProperty("changed").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("unchanged").GetInt32());
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(13, steps.Count);
        Assert.Equal("create-app", steps[1].GetProperty("key").GetString());
        Assert.Equal("changed", steps[1].GetProperty("outcome").GetString());
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("values").GetProperty("app.appId").GetString(), out _));
    }

    [Fact]
    public async Task Without_secret_out_or_a_terminal_the_secret_goes_to_a_new_owner_only_file_in_the_state_folder()
    {
        var result = await RunAsync(Apply());
        Assert.True(result.ExitCode == 0, result.ToString());

        var secretFile = Assert.Single(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(_store.Path)!, "secrets")));
        Assert.EndsWith(".secret", secretFile);
        Assert.Contains($"the new client secret is in {secretFile} (mode 0600)", result.Stderr);
        var canary = File.ReadAllText(secretFile).Trim();
        Assert.DoesNotContain(canary, result.Stdout + result.Stderr);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secretFile));
    }

    [Fact]
    public async Task A_run_stopped_by_a_failure_resumes_from_its_journal()
    {
        var journal = _folder.File("run.jsonl");
        // The Exchange side of a mailbox that does not exist fails; the Graph side is journaled.
        var stopped =
            await RunAsync(
                ["apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--mailbox", "nobody@contoso.onmicrosoft.com", "--yes",
                    "--journal", journal]);
        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("To resume, run again with --journal " + journal, stopped.Stdout);

        var resumed =
            await RunAsync(
                ["apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--mailbox", "nobody@contoso.onmicrosoft.com", "--yes",
                    "--journal", journal]);
        Assert.Contains("resumed", resumed.Stdout);
        Assert.Single(new SandboxStateStore(_store.Path).Load()!.Applications, a => a.DisplayName == "Mail Relay");
    }

    [Fact]
    public async Task Rollback_removes_what_the_journal_says_was_created()
    {
        var journal = _folder.File("run.jsonl");
        Assert.Equal(0, (await RunAsync(Apply("--journal", journal, "--secret-out", _folder.File("secret.txt")))).ExitCode);

        var rollback = await RunAsync("rollback", "--journal", journal, "--yes");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("Rolled back: 7 removed.", rollback.Stdout);
        var state = new SandboxStateStore(_store.Path).Load()!;
        Assert.DoesNotContain(state.Applications, a => a.DisplayName == "Mail Relay");
        Assert.Empty(state.Exchange.ServicePrincipals);
        Assert.Empty(state.Exchange.MailboxPermissions);
    }

    [Theory]
    [InlineData("--sandbox/--tenant", "give --sandbox or --tenant, not both", "--tenant", "contoso.onmicrosoft.com")]
    [InlineData("--cloud", "the sandbox is a tenant in the global cloud, not 'china'", "--cloud", "china")]
    [InlineData("--format", "unknown format 'xml'; expected one of text, json", "--format", "xml")]
    [InlineData("--auth", "sign-in options need --tenant", "--auth", "device")]
    public async Task Bad_apply_input_is_named_and_changes_nothing(string option, string message, string flag, string value)
    {
        var result = await RunAsync(Apply(flag, value));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"mailsetup: error: {option}: {message}", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(_store.Path), "nothing was written");
    }

    [Fact]
    public async Task A_secret_file_that_exists_is_never_written_over()
    {
        var existing = _folder.Write("secret.txt", "keep me");
        var result = await RunAsync(Apply("--secret-out", existing));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--secret-out: '{existing}' exists already", result.Stderr);
        Assert.Equal("keep me", File.ReadAllText(existing));
    }

    [Fact]
    public async Task Without_a_terminal_apply_needs_yes()
    {
        var result = await RunAsync("apply", "--preset", "imap-app", "--app-name", "X");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("mailsetup: error: --yes: is required when no terminal is attached", result.Stderr);
    }

    [Fact]
    public async Task Auth_secret_reads_the_secret_from_the_environment_only()
    {
        var result =
            await RunAsync("apply", "--tenant", "contoso.onmicrosoft.com", "--auth", "secret", "--client-id", Guid.NewGuid().ToString(), "--preset",
                "imap-app", "--app-name", "X", "--yes");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--auth secret reads the secret from AZURE_CLIENT_SECRET", result.Stderr);
    }
}
