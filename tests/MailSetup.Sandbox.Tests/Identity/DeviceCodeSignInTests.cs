using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Tests.Identity.Support;

namespace MailSetup.Sandbox.Tests.Identity;

public sealed class DeviceCodeSignInTests
{
    private const string Admin = "admin@contoso.onmicrosoft.com";
    private static readonly TokenRequestContext Imap = new(["https://outlook.office.com/IMAP.AccessAsUser.All"]);

    [Fact]
    public async Task A_person_approving_the_code_gets_a_delegated_token_with_the_granted_scopes()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All SMTP.Send");
        var shown = new List<DeviceCodeInfo>();

        var credential = host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (info, _) =>
        {
            shown.Add(info);
            host.DeviceCodes.Approve(info.UserCode, Admin);
            return Task.CompletedTask;
        });
        var token = JwtClaims.Decode((await credential.GetTokenAsync(Imap, default)).Token);

        var prompt = Assert.Single(shown);
        Assert.Equal(new Uri($"{host.BaseAddress}/sandbox/devicecode"), prompt.VerificationUri);
        Assert.Contains(prompt.UserCode, prompt.Message);
        Assert.Equal("https://outlook.office.com", token.Audience);
        Assert.Equal(["IMAP.AccessAsUser.All", "SMTP.Send"], token.Scopes);
        Assert.Equal(Admin, token.UserPrincipalName);
        Assert.Equal(host.Tenant.Read(s => s.Users.Single(u => u.UserPrincipalName == Admin).Id), token.ObjectId);
        Assert.Equal("0", token.String("appidacr")); // a public client proves nothing
        Assert.Empty(token.Roles);
        Assert.Empty(host.DeviceCodes.Pending()); // redeemed once, then gone
    }

    [Fact]
    public async Task A_second_resource_comes_silently_through_the_refresh_token()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All");
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.MicrosoftGraph, "User.Read");
        var prompts = 0;
        var credential = host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (info, _) =>
        {
            prompts++;
            host.DeviceCodes.Approve(info.UserCode, Admin);
            return Task.CompletedTask;
        });

        await credential.GetTokenAsync(Imap, default);
        var graph = JwtClaims.Decode((await credential.GetTokenAsync(new(["https://graph.microsoft.com/User.Read"]), default)).Token);

        Assert.Equal(1, prompts);
        Assert.Equal("https://graph.microsoft.com", graph.Audience);
        Assert.Equal(["User.Read"], graph.Scopes);
        Assert.Equal(Admin, graph.UserPrincipalName);
        Assert.Equal(1, host.Requests.Count(r => r.EndsWith("/devicecode", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_allow_public_client_flows_polling_fails_with_7000218()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: false);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All");

        var credential = host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (info, _) =>
        {
            host.DeviceCodes.Approve(info.UserCode, Admin);
            return Task.CompletedTask;
        });
        var failure = await ClientSecretSignInTests.SignInFails(credential, Imap);

        Assert.Equal(7000218, failure.Code);
    }

    [Fact]
    public async Task Without_consent_the_approved_sign_in_fails_with_65001()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);

        var credential = host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (info, _) =>
        {
            host.DeviceCodes.Approve(info.UserCode, Admin);
            return Task.CompletedTask;
        });
        var failure = await ClientSecretSignInTests.SignInFails(credential, Imap);

        Assert.Equal(65001, failure.Code);
        Assert.Contains("Mail Reader", failure.Description);
    }

    [Theory]
    [InlineData("https://outlook.office.com/IMAP.AccessAsUser.Everything", 70011)]
    [InlineData("https://outlook.office.com/IMAP.AccessAsUser.All https://graph.microsoft.com/User.Read", 700022)]
    public async Task Scopes_the_resources_do_not_have_fail_before_any_code_is_shown(string scope, int code)
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        var prompts = 0;

        var credential = host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (_, _) => { prompts++; return Task.CompletedTask; });
        var failure = await ClientSecretSignInTests.SignInFails(credential, new TokenRequestContext(scope.Split(' ')));

        Assert.Equal(code, failure.Code);
        Assert.Equal(0, prompts);
    }

    [Fact]
    public async Task Polling_answers_authorization_pending_until_approved_then_gives_msal_what_it_needs()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All");
        using var client = host.CreateClient();

        using var start =
            await Post(client, "devicecode",
                new() { ["client_id"] = app.AppId, ["scope"] = "https://outlook.office.com/IMAP.AccessAsUser.All offline_access openid profile" });
        var deviceCode = start.RootElement.GetProperty("device_code").GetString()!;
        var userCode = start.RootElement.GetProperty("user_code").GetString()!;
        Assert.Equal(900, start.RootElement.GetProperty("expires_in").GetInt32());
        Assert.Equal(5, start.RootElement.GetProperty("interval").GetInt32());
        var poll =
            new Dictionary<string, string> { ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code", ["client_id"] = app.AppId,
                ["device_code"] = deviceCode, ["client_info"] = "1" };

        using (var pending = await Post(client, "token", poll, HttpStatusCode.BadRequest))
        {
            Assert.Equal("authorization_pending", pending.RootElement.GetProperty("error").GetString());
            Assert.Equal(70016, pending.RootElement.GetProperty("error_codes")[0].GetInt32());
        }
        Assert.Equal(userCode, Assert.Single(host.DeviceCodes.Pending()).UserCode);

        host.DeviceCodes.Approve(userCode.ToLowerInvariant(), Admin); // people type codes in any case
        using var tokens = await Post(client, "token", poll);
        foreach (var field in new[] { "access_token", "refresh_token", "id_token", "client_info" })
            Assert.False(string.IsNullOrEmpty(tokens.RootElement.GetProperty(field).GetString()), field);
        var idToken = JwtClaims.Decode(tokens.RootElement.GetProperty("id_token").GetString()!);
        Assert.Equal(app.AppId, idToken.Audience);
        Assert.Equal(Admin, idToken.String("preferred_username"));

        using var again = await Post(client, "token", poll, HttpStatusCode.BadRequest); // a device code is good once
        Assert.Equal("invalid_grant", again.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_sandbox_approval_endpoint_approves_like_the_api()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        using var client = host.CreateClient();
        using var start =
            await Post(client, "devicecode", new() { ["client_id"] = app.AppId, ["scope"] = "https://outlook.office.com/IMAP.AccessAsUser.All" });
        var userCode = start.RootElement.GetProperty("user_code").GetString()!;

        using var unknownUser =
            await client.PostAsync("sandbox/devicecode/approve",
                new FormUrlEncodedContent(
                    new Dictionary<string, string> { ["user_code"] = userCode, ["username"] = "nobody@contoso.onmicrosoft.com" }));
        using var approved =
            await client.PostAsync("sandbox/devicecode/approve",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["user_code"] = userCode, ["username"] = Admin }));

        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.True(Assert.Single(host.DeviceCodes.Pending()).Approved);
        Assert.Throws<InvalidOperationException>(() => host.DeviceCodes.Approve("NOSUCHCODE", Admin));
    }

    private static async Task<JsonDocument> Post(HttpClient client, string endpoint, Dictionary<string, string> form,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var answer = await client.PostAsync($"contoso.onmicrosoft.com/oauth2/v2.0/{endpoint}", new FormUrlEncodedContent(form));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(expected == answer.StatusCode, $"{answer.StatusCode}: {text}");
        return JsonDocument.Parse(text);
    }
}
