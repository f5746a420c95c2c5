using MailSetup.App;
using MailSetup.Core.Clouds;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Tui.Runtime;

/// <summary>
/// The real launcher, loop, effects and diagnosis in process, through a test terminal: the same
/// keyboard walk as the tmux end-to-end test (set up imap-app for support@, review, apply, diagnose,
/// quit) in a fraction of its time, with the state in a temporary folder.
/// </summary>
public sealed class TuiLauncherInProcessTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private (ToolServices Services, TestTerminal Terminal, ServiceProvider Provider) Build(bool interactive = true,
        string? term = "xterm-256color") => BuildIn(_state.Path, interactive, term);

    /// <summary>Program's services with the state in <paramref name="statePath"/> and a 120x40 test terminal.</summary>
    internal static (ToolServices Services, TestTerminal Terminal, ServiceProvider Provider) BuildIn(string statePath, bool interactive = true,
        string? term = "xterm-256color")
    {
        var terminal = new TestTerminal(interactive, width: 120, height: 40);
        var environment = new Dictionary<string, string>();
        if (term is not null) environment["TERM"] = term;
        var provider = TestServices.Collection(statePath)
            .AddSingleton<IEnvironment>(new DictionaryEnvironment(environment))
            .AddSingleton<ITerminal>(terminal)
            .BuildServiceProvider();
        return (ToolServices.From(provider), terminal, provider);
    }

    internal static Task<int> Launch(ToolServices services, TextWriter error) =>
        TuiLauncher.RunAsync(services, error, new TuiTarget(true, CloudCatalog.Global, null), [], CancellationToken.None);

    /// <summary>
    /// Starts the UI on the sandbox, waits for the admin's sign-in, and picks the mailbox
    /// <paramref name="downs"/> rows below the first.
    /// </summary>
    private static async Task<(Task<int> Run, TestScreen Screen)> SignedInWithAMailboxAsync(ToolServices services, TestTerminal terminal, int downs)
    {
        var run = Launch(services, TextWriter.Null);
        var screen = await terminal.Opened.WaitAsync(Slow);
        await screen.WaitForAsync("signed in", Slow);
        screen.Type("4");
        await screen.WaitForAsync("support@contoso.onmicrosoft.com", Slow);
        for (var i = 0; i < downs; i++) screen.Press(KeyPress.Of(KeyName.Down));
        screen.Type(" ");
        await screen.WaitForAsync("[x] ");
        return (run, screen);
    }

    [Fact]
    public async Task A_hostile_mailbox_name_in_the_tenant_is_shown_escaped_and_never_written_raw_to_the_terminal()
    {
        var (services, terminal, provider) = Build();
        await using var _ = provider;
        MailSetup.Sandbox.State.SandboxTenant.LoadOrSeed(services.Folders.SandboxStore, TestClock.Default)
            .Change(s => s.Users.Single(u => u.Mail == "support@contoso.onmicrosoft.com").DisplayName = HostileTextTests.Hostile);

        var run = Launch(services, TextWriter.Null);
        var screen = await terminal.Opened.WaitAsync(Slow);
        await screen.WaitForAsync("signed in", Slow);
        screen.Type("4");
        // The row is cut at the pane's edge, after the escapes that matter.
        var shown = await screen.WaitForAsync(@"evil\x1B[2J\x1B]52;c;ZXZpbA==\x07 ring\x07 \u202Et", Slow);

        HostileTextTests.AssertNothingReachesTheTerminal(shown);
        var written = screen.Written;
        Assert.DoesNotContain("\u001b]", written, StringComparison.Ordinal);
        foreach (var c in "\u0007\u009b\u202E") Assert.DoesNotContain(c, written);
        screen.Type("q");
        Assert.Equal(ExitCodes.Success, await run.WaitAsync(Slow));
    }

    [Fact]
    public async Task Set_up_imap_for_support_by_keyboard_apply_diagnose_and_quit()
    {
        var (services, terminal, provider) = Build();
        await using var _ = provider;
        var (run, screen) = await SignedInWithAMailboxAsync(services, terminal, downs: 3);
        Assert.Contains("[x] support@contoso.onmicrosoft.com", screen.Text);

        screen.Type("p");
        Assert.Contains("nothing has changed yet", await screen.WaitForAsync("Plan review", Slow));
        screen.Type("a");
        Assert.Contains("failed 0", await screen.WaitForAsync("Done: ", Slow));
        // The apply's journal went where the state folders say, not to the real ~/.local/state.
        Assert.Single(Directory.GetFiles(new StateFolders(_state.Path).Journals, "apply-*.jsonl"));

        screen.Press(KeyPress.Of(KeyName.Enter));
        await screen.WaitForAsync("New client secret (shown once");
        screen.Type("d");
        await screen.WaitForAsync("the secret was dismissed");

        screen.Type("5");
        screen.Press(KeyPress.Of(KeyName.Enter));
        var diagnosed = await screen.WaitForAsync("imap: login works", Slow);
        Assert.Contains("A2 OK AUTHENTICATE completed.", diagnosed);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_-]{8,}\.", screen.Written);

        screen.Type("q");
        Assert.Equal(ExitCodes.Success, await run.WaitAsync(Slow));
        Assert.True(screen.Disposed);
    }

    [Fact]
    public async Task Diagnostics_without_an_app_say_how_to_get_one_and_a_resize_redraws_at_the_new_size()
    {
        var (services, terminal, provider) = Build();
        await using var _ = provider;
        var (run, screen) = await SignedInWithAMailboxAsync(services, terminal, downs: 0);

        screen.Type("5");
        screen.Press(KeyPress.Of(KeyName.Enter));
        await screen.WaitForAsync("no app chosen", Slow);

        screen.Resize(80, 24);
        await screen.WaitForAsync("5 Diagnostics");
        Assert.Equal(80, screen.Text.Split('\n').Max(l => l.Length));

        screen.Press(KeyPress.CtrlOf('c'));
        Assert.Equal(ExitCodes.Success, await run.WaitAsync(Slow));
    }

    [Fact]
    public async Task A_damaged_sandbox_state_is_named_in_the_tenant_pane_with_the_way_out()
    {
        Directory.CreateDirectory(_state.Path);
        await File.WriteAllTextAsync(new StateFolders(_state.Path).SandboxStore.Path, "{ not a tenant");
        var (services, terminal, provider) = Build();
        await using var _ = provider;
        var run = Launch(services, TextWriter.Null);
        var screen = await terminal.Opened.WaitAsync(Slow);

        var shown = await screen.WaitForAsync("sandbox reset", Slow);
        var text = System.Text.RegularExpressions.Regex.Replace(shown, @"[\s│|]+", " "); // the wrapped lines, without borders
        Assert.True(text.Contains("is not a saved tenant", StringComparison.Ordinal), text);

        screen.Type("q");
        Assert.Equal(ExitCodes.Success, await run.WaitAsync(Slow));
    }

    [Theory]
    [InlineData(false, "xterm-256color", "output is not a terminal")]
    [InlineData(true, "dumb", "TERM=dumb")]
    [InlineData(true, null, "TERM is not set")]
    public async Task Without_a_usable_terminal_the_launcher_says_why_and_never_opens_the_screen(bool interactive, string? term, string reason)
    {
        var (services, terminal, provider) = Build(interactive, term);
        await using var _ = provider;
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.Failure, await Launch(services, error));
        Assert.Contains(reason, error.ToString());
        Assert.False(terminal.Opened.IsCompleted);
    }
}
