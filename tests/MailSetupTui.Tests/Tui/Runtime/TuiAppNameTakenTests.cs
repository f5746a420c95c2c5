using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tests.Tui.Runtime;

/// <summary>
/// The UI, in process on the sandbox, when the app name is taken by an app made in the portal: the apply stops before any change,
/// lists it, and its number adopts it; the adopted app keeps its permissions.
/// </summary>
public sealed class TuiAppNameTakenTests : IDisposable
{
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);
    private const string UserRead = "e1fe6dd8-ba31-4d61-89e7-88639da4683d";
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task The_apply_stops_listing_the_portal_app_and_its_number_adopts_it_keeping_its_permissions()
    {
        var (services, terminal, provider) = TuiLauncherInProcessTests.BuildIn(_state.Path);
        await using var _ = provider;
        var tenant = SandboxTenant.LoadOrSeed(services.Folders.SandboxStore, TestClock.Default);
        var portal = new SandboxApplication
        {
            Id = Guid.NewGuid().ToString(),
            AppId = Guid.NewGuid().ToString(),
            DisplayName = "Mail Relay",
            CreatedDateTime = new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero),
            RequiredResourceAccess =
                [new() { ResourceAppId = "00000003-0000-0000-c000-000000000000", ResourceAccess = [new() { Id = UserRead, Type = "Scope" }] }],
        };
        tenant.Change(s => s.Applications.Add(portal));
        var appsBefore = tenant.Read(s => s.Applications.Count);

        var run = TuiLauncherInProcessTests.Launch(services, TextWriter.Null);
        var screen = await terminal.Opened.WaitAsync(Slow);
        await screen.WaitForAsync("signed in", Slow);
        screen.Type("p");
        await screen.WaitForAsync("Plan review", Slow);
        screen.Type("a");

        var stopped = await screen.WaitForAsync("STOPPED before any change", Slow);
        Assert.Contains($"  1. client id {portal.AppId}, created 2025-03-14", stopped);
        Assert.Equal(appsBefore, tenant.Read(s => s.Applications.Count));

        screen.Type("1");
        var review = await screen.WaitForAsync("Plan review", Slow);
        Assert.Contains($"existing app {portal.AppId}", review);
        screen.Type("a");
        await screen.WaitForAsync("Done: ", Slow);

        var adopted = services.Folders.SandboxStore.Load()!.Applications.Single(a => a.AppId == portal.AppId);
        Assert.Contains(adopted.RequiredResourceAccess.SelectMany(r => r.ResourceAccess), a => a.Id == UserRead);
        Assert.True(adopted.RequiredResourceAccess.Count > 1, "the setup's permissions were added beside the app's own");
        Assert.Equal(appsBefore, services.Folders.SandboxStore.Load()!.Applications.Count);

        screen.Press(KeyPress.Of(KeyName.Enter));
        screen.Type("d");
        screen.Type("q");
        await run.WaitAsync(Slow);
    }
}
