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
        Assert.Contains("Done: 9 changed, 5 unchanged.", first.Stdout);
        Assert.Contains("applying 14 steps to the sandbox tenant contoso.onmicrosoft.com", first.Stderr);

        var secondSecret = _folder.File("second.txt");
        var second = await RunAsync(Apply("--secret-out", secondSecret, "--journal", _folder.File("second.jsonl")));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Done: 0 changed, 14 unchanged.", second.Stdout);
        var made = TestClock.Default.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"a secret made on {made} exists; none created; use --new-secret to add one", second.Stderr);
        Assert.False(File.Exists(secondSecret), "the empty --secret-out file of a run that made no secret is removed");
    }

    [Fact]
    public async Task New_secret_adds_a_second_secret_on_a_re_run()
    {
        Assert.Equal(0, (await RunAsync(Apply("--secret-out", _folder.File("one.txt")))).ExitCode);
        var again = await RunAsync(Apply("--secret-out", _folder.File("two.txt"), "--new-secret", "--journal", _folder.File("two.jsonl")));
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("Done: 1 changed, 13 unchanged.", again.Stdout);
        var app = Assert.Single(new SandboxStateStore(_store.Path).Load()!.Applications, a => a.DisplayName == "Mail Relay");
        Assert.Equal(2, app.PasswordCredentials.Count);
        Assert.NotEqual(File.ReadAllText(_folder.File("one.txt")), File.ReadAllText(_folder.File("two.txt")));
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
        Assert.Equal(9, json.RootElement.GetProperty("changed").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("unchanged").GetInt32());
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(14, steps.Count);
        Assert.Equal("create-app", steps[2].GetProperty("key").GetString());
        Assert.Equal("changed", steps[2].GetProperty("outcome").GetString());
        Assert.True(Guid.TryParse(json.RootElement.GetProperty("values").GetProperty("app.appId").GetString(), out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_secret_out_a_redirected_stdout_or_stderr_is_refused_before_any_change(bool interactive)
    {
        // interactive: stdin and stdout are a terminal, stderr is not (2> log): a secret shown there would land in the log.
        var terminal = new TestTerminal(interactive, input: "y\n", outputsAreTerminal: false);
        var result = await CliRunner.RunAsync(services => services
            .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
            .AddSingleton<IEnvironment>(new DictionaryEnvironment(_environment))
            .AddSingleton<MailSetupTui.Tui.Terminal.ITerminal>(terminal), Apply());
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("mailsetup: error: --secret-out: is required when standard output or error is not a terminal", result.Stderr);
        Assert.False(File.Exists(_store.Path), "nothing was written");
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_store.Path)!, "secrets")));
    }

    [Fact]
    public async Task On_a_terminal_the_secret_is_shown_once_and_written_nowhere()
    {
        var terminal = new TestTerminal(interactive: true, input: "y\n");
        var result = await CliRunner.RunAsync(services => services
            .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
            .AddSingleton<IEnvironment>(new DictionaryEnvironment(_environment))
            .AddSingleton<MailSetupTui.Tui.Terminal.ITerminal>(terminal), Apply());
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("The new client secret 'mailsetup ", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(_store.Path)!, "secrets")));
    }

    [Theory]
    [InlineData("/proc/self/x")]
    [InlineData("long")]
    [InlineData("missing/secret.txt")]
    [InlineData("existing")]
    [InlineData("link")]
    [InlineData("dangling")]
    public async Task A_secret_out_that_cannot_be_created_is_exit_2_with_nothing_changed(string kind)
    {
        var path = kind switch
        {
            "long" => _folder.File(new string('s', 300)),
            "missing/secret.txt" => _folder.File("missing/secret.txt"),
            "existing" => _folder.Write("existing.txt", "keep me"),
            "link" => File.CreateSymbolicLink(_folder.File("link.txt"), _folder.Write("target.txt", "keep me")).FullName,
            "dangling" => File.CreateSymbolicLink(_folder.File("dangling.txt"), _folder.File("nowhere.txt")).FullName,
            _ => kind,
        };
        var result = await RunAsync(Apply("--secret-out", path));
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mailsetup: error: --secret-out: ", result.Stderr);
        Assert.False(File.Exists(_store.Path), "nothing was written");
        Assert.False(File.Exists(_folder.File("nowhere.txt")), "a dangling link is not followed");
        if (kind is "existing" or "link") Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_refused_apply_removes_the_empty_secret_file()
    {
        var secretFile = _folder.File("secret.txt");
        var terminal = new TestTerminal(interactive: true, input: "n\n");
        var result = await CliRunner.RunAsync(services => services
            .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
            .AddSingleton<IEnvironment>(new DictionaryEnvironment(_environment))
            .AddSingleton<MailSetupTui.Tui.Terminal.ITerminal>(terminal),
            ["apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--secret-out", secretFile]);
        Assert.Contains("Nothing applied.", result.Stdout);
        Assert.False(File.Exists(secretFile));
    }

    [Fact]
    public async Task A_run_stopped_by_a_failure_resumes_from_its_journal()
    {
        var journal = _folder.File("run.jsonl");
        // The Exchange side of a mailbox that does not exist fails; the Graph side is journaled.
        var stopped =
            await RunAsync(
                ["apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--mailbox", "nobody@contoso.onmicrosoft.com", "--yes",
                    "--journal", journal, "--secret-out", _folder.File("secret.txt")]);
        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("To resume, run again with --journal " + journal, stopped.Stdout);

        var resumed =
            await RunAsync(
                ["apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--mailbox", "nobody@contoso.onmicrosoft.com", "--yes",
                    "--journal", journal, "--secret-out", _folder.File("secret2.txt")]);
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
        // Only what the journal made is gone: the seeded Legacy IMAP Sync keeps its registration and its FullAccess.
        Assert.Equal([SeededMailApps.LegacyImapSyncAppId], state.Exchange.ServicePrincipals.Select(sp => sp.AppId));
        Assert.Equal([SeededMailApps.LegacyImapSyncMailbox], state.Exchange.MailboxPermissions.Select(p => p.Identity));

        // A second rollback finds what is gone and says so, rather than claiming to remove it again. Remove-MailboxPermission of a
        // permission that is not there succeeds in Exchange (no "gone" signal), so rollback asks Get-MailboxPermission first.
        var again = await RunAsync("rollback", "--journal", journal, "--yes");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(again.Stdout.Contains("Rolled back: 0 removed, 7 already gone.", StringComparison.Ordinal), again.Stdout);
    }

    [Fact]
    public async Task Resuming_with_the_journal_of_another_plan_is_exit_2_naming_journal_with_nothing_changed()
    {
        var journal = _folder.File("run.jsonl");
        Assert.Equal(0, (await RunAsync(Apply("--journal", journal, "--secret-out", _folder.File("secret.txt")))).ExitCode);
        var before = File.ReadAllText(_store.Path);
        var lines = File.ReadAllLines(journal).Length;

        var other = await RunAsync("apply", "--sandbox", "--preset", "imap-app", "--app-name", "Other App", "--mailbox", Support, "--yes",
            "--journal", journal, "--secret-out", _folder.File("other.txt"));

        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains($"mailsetup: error: --journal: the journal {journal} belongs to another plan", other.Stderr);
        Assert.Equal(before, File.ReadAllText(_store.Path));
        Assert.Equal(lines, File.ReadAllLines(journal).Length);
        Assert.DoesNotContain("applying", other.Stderr);
    }

    [Fact]
    public async Task Rolling_back_a_journal_on_another_target_than_it_was_written_for_is_exit_2()
    {
        var journal = _folder.File("run.jsonl");
        Assert.Equal(0, (await RunAsync(Apply("--journal", journal, "--secret-out", _folder.File("secret.txt")))).ExitCode);

        var elsewhere = await RunAsync("rollback", "--tenant", "contoso.onmicrosoft.com", "--journal", journal, "--yes");

        Assert.True(elsewhere.ExitCode == 2, elsewhere.ToString());
        Assert.Contains($"mailsetup: error: --journal: the journal {journal} was written for the sandbox tenant, " +
            "not tenant contoso.onmicrosoft.com in the global cloud", elsewhere.Stderr);
        Assert.Contains(new SandboxStateStore(_store.Path).Load()!.Applications, a => a.DisplayName == "Mail Relay");
    }

    [Fact]
    public async Task Garbled_journal_lines_are_reported_and_rollback_still_removes_what_the_other_records_prove()
    {
        var journal = _folder.File("run.jsonl");
        Assert.Equal(0, (await RunAsync(Apply("--journal", journal, "--secret-out", _folder.File("secret.txt")))).ExitCode);
        var lines = File.ReadAllLines(journal).ToList();
        lines.Insert(2, "garbage {\"that is\": no record");
        lines[0] = lines[0][..10];
        File.WriteAllLines(journal, lines);

        var rollback = await RunAsync("rollback", "--journal", journal, "--yes");

        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains($"mailsetup: the journal {journal} has 2 unreadable line(s) (line 1, line 3); skipped them", rollback.Stderr);
        Assert.Contains("Rolled back: 7 removed.", rollback.Stdout);
        Assert.DoesNotContain(new SandboxStateStore(_store.Path).Load()!.Applications, a => a.DisplayName == "Mail Relay");
    }

    [Fact]
    public async Task A_file_with_no_journal_record_in_it_is_exit_2_for_rollback_rather_than_nothing_to_remove()
    {
        var notes = _folder.Write("notes.jsonl", "{\"name\":\"not a journal\"}\n{\"key\":\"torn");

        var rollback = await RunAsync("rollback", "--journal", notes, "--yes");

        Assert.True(rollback.ExitCode == 2, rollback.ToString());
        Assert.Contains($"--journal: '{notes}' is not a journal (no line of it is a journal record)", rollback.Stderr);
        Assert.DoesNotContain("nothing to remove", rollback.Stdout);
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
        var result = await RunAsync("apply", "--preset", "imap-app", "--app-name", "X", "--secret-out", _folder.File("s.txt"));
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
