using MailSetup.Testing;
using Azure.Core;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Identity;

public sealed class StateFileSecrecyTests
{
    [Fact]
    public async Task A_canary_secret_signs_in_but_never_reaches_the_state_file_nor_does_a_device_code()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(Path.Combine(folder.Path, "sandbox-tenant.json"));
        await using var host = await IdentityHost.StartAsync(store: store);
        var canary = "canary-" + Guid.NewGuid().ToString("N");
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, canary);
        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.ExchangeOnline, "SMTP.SendAsApp");

        var credential = host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { ClientSecret = canary });
        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]), default);

        using var client = host.CreateClient();
        using var start =
            await client.PostAsync($"{host.Tenant.TenantId}/oauth2/v2.0/devicecode", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = app.AppId,
            ["scope"] = "https://outlook.office.com/IMAP.AccessAsUser.All",
        }));
        var deviceCode =
            System.Text.Json.JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("device_code").GetString()!;

        var state = await File.ReadAllTextAsync(store.Path);
        Assert.DoesNotContain(canary, state);
        Assert.Contains(SecretHash.Of(canary), state);
        Assert.DoesNotContain(deviceCode, state);
        Assert.DoesNotContain(token.Token, state);
        Assert.Contains("\"signingKey\"", state); // the key lives with the tenant, so tokens survive a restart
    }

    [Fact]
    public async Task Tokens_stay_valid_for_a_tenant_loaded_again_from_its_file()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(Path.Combine(folder.Path, "sandbox-tenant.json"));
        string token;
        await using (var host = await IdentityHost.StartAsync(store: store))
        {
            var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
            TenantSetup.AddSecret(host.Tenant, app, "Xy7~restart");
            var credential = host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { ClientSecret = "Xy7~restart" });
            token = (await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), default)).Token;
        }

        var reloaded = SandboxTenant.LoadOrSeed(store, TimeProvider.System);

        Assert.True(new MailSetup.Sandbox.Identity.SandboxTokenValidator(reloaded).Validate(token, "https://graph.microsoft.com").IsValid);
    }

    [Fact]
    public void The_state_file_is_readable_only_by_its_owner()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("state/sandbox-tenant.json"));
        SandboxTenant.LoadOrSeed(store, TimeProvider.System);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.Path));
    }
}
