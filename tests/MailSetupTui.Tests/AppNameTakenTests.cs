using MailSetup.App;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary>
/// <c>mailsetup apply --app-name X</c> when the tenant has an app named X that mailsetup did not make: it stops before any change
/// (exit 2) and names it; adopting it with <c>--app-id</c> keeps what it has and adds what the setup needs.
/// </summary>
public sealed class AppNameTakenTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private const string UserRead = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";
    private readonly TempFolder _folder = new();
    private readonly SandboxStateStore _store;
    private readonly SandboxApplication _portalApp;

    public AppNameTakenTests()
    {
        _store = new SandboxStateStore(_folder.File("state/mailsetup/sandbox-tenant.json"));
        var state = TenantSeed.Create(new TenantSeedOptions(), TestClock.Default.GetUtcNow());
        _portalApp = new SandboxApplication
        {
            Id = Guid.NewGuid().ToString(),
            AppId = Guid.NewGuid().ToString(),
            DisplayName = "Mail Relay",
            CreatedDateTime = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero),
            RequiredResourceAccess = [new() { ResourceAppId = GraphAppId, ResourceAccess = [new() { Id = UserRead, Type = "Scope" }] }],
        };
        state.Applications.Add(_portalApp);
        _store.Save(state);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The directory and Exchange objects, as JSON (signing in adds the sandbox's signing key, which changes no object).</summary>
    private string Directory()
    {
        var state = _store.Load()!;
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            state.Applications, state.ServicePrincipals, state.AppRoleAssignments, state.PermissionGrants, state.Exchange,
        }, SandboxStateStore.Json);
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(services => services
        .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
        .AddSingleton<IEnvironment>(new DictionaryEnvironment(new Dictionary<string, string>())), args);

    private static string[] Apply(params string[] app) =>
        ["apply", "--sandbox", "--preset", "imap-app", .. app, "--mailbox", Support, "--yes"];

    [Fact]
    public async Task A_name_taken_by_an_app_mailsetup_did_not_make_is_exit_2_listing_it_with_nothing_changed()
    {
        var before = Directory();

        var result = await RunAsync(Apply("--app-name", "Mail Relay", "--secret-out", _folder.File("secret.txt")));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mailsetup: error: --app-name: 'Mail Relay' is the name of 1 app(s) that mailsetup did not make; nothing was changed",
            result.Stderr);
        Assert.Contains($"client id {_portalApp.AppId}, created 2025-03-14", result.Stderr);
        Assert.Contains("Adopt one with --app-id CLIENT_ID", result.Stderr);
        Assert.Equal(before, Directory());
        Assert.False(File.Exists(_folder.File("secret.txt")), "the secret file made up front is removed again: no secret was made");
    }

    [Fact]
    public async Task Adopting_the_app_by_its_client_id_keeps_its_permissions_and_adds_the_setup_s()
    {
        var result = await RunAsync(Apply("--app-id", _portalApp.AppId, "--secret-out", _folder.File("secret.txt")));

        Assert.True(result.ExitCode == 0, result.ToString());
        var app = Assert.Single(_store.Load()!.Applications, a => a.AppId == _portalApp.AppId);
        var access = app.RequiredResourceAccess.SelectMany(r => r.ResourceAccess.Select(a => (r.ResourceAppId, a.Id))).ToList();
        Assert.Contains((GraphAppId, UserRead), access);
        Assert.Contains(("00000002-0000-0ff1-ce00-000000000000", "5e5addcd-3e8d-4e90-baf5-964efab2b20a"), access);
        Assert.Equal("Mail Relay", app.DisplayName);
        Assert.Null(app.UniqueName);
        Assert.Contains("adds exo:IMAP.AccessAsApp; keeps the 1 entry the app had", result.Stdout);
    }

    [Fact]
    public async Task Adopting_an_app_that_has_some_of_a_resource_s_permissions_adds_the_rest_to_that_resource_s_entry()
    {
        var first = await RunAsync(Apply("--app-id", _portalApp.AppId, "--secret-out", _folder.File("one.txt")));
        Assert.True(first.ExitCode == 0, first.ToString());

        var more = await RunAsync(["apply", "--sandbox", "--preset", "imap-app,pop-app", "--app-id", _portalApp.AppId, "--mailbox", Support,
            "--yes", "--secret-out", _folder.File("two.txt"), "--journal", _folder.File("two.jsonl")]);

        Assert.True(more.ExitCode == 0, more.ToString());
        Assert.Contains("adds exo:POP.AccessAsApp; keeps the 2 entries the app had", more.Stdout);
        var app = Assert.Single(_store.Load()!.Applications, a => a.AppId == _portalApp.AppId);
        Assert.Equal(app.RequiredResourceAccess.Count, app.RequiredResourceAccess.Select(r => r.ResourceAppId).Distinct().Count());
        Assert.Equal(3, app.RequiredResourceAccess.Sum(r => r.ResourceAccess.Count));
    }

    [Fact]
    public async Task Another_name_creates_an_app_of_ours_beside_the_portal_one()
    {
        var result = await RunAsync(Apply("--app-name", "Mail Relay (mailsetup)", "--secret-out", _folder.File("secret.txt")));

        Assert.True(result.ExitCode == 0, result.ToString());
        var apps = _store.Load()!.Applications;
        Assert.Single(apps, a => a.DisplayName == "Mail Relay");
        Assert.NotNull(Assert.Single(apps, a => a.DisplayName == "Mail Relay (mailsetup)").UniqueName);
    }
}
