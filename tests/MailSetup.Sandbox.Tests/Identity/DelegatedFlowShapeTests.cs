using System.Net.Http.Json;
using System.Text.Json;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Execution;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>
/// The two documented shapes of a delegated app, applied by their plans: a public client (device code, no secret) and a confidential
/// one (the password flow with a secret). Entra refuses a public client that presents a secret (AADSTS700025), and so does the sandbox.
/// </summary>
public sealed class DelegatedFlowShapeTests
{
    private const string User = "adele.vance@contoso.onmicrosoft.com";
    private const string Scope = "https://outlook.office.com/IMAP.AccessAsUser.All offline_access";

    [Fact]
    public async Task A_device_code_app_is_a_public_client_without_a_secret_and_the_password_flow_works_without_one_but_not_with_one()
    {
        await using var run = new SandboxRun(mailboxes: 3);
        var appId = await AppliedAsync(run, "delegated-mail");
        var app = run.Tenant.Read(s => s.Applications.Single(a => a.AppId == appId));
        Assert.True(app.IsFallbackPublicClient);
        Assert.Empty(app.PasswordCredentials);
        Assert.Empty(run.Secrets);

        var withoutSecret = await PasswordFlowAsync(run, appId, secret: null);
        var withSecret = await PasswordFlowAsync(run, appId, secret: "any-secret-at-all-1234567890");

        Assert.True(withoutSecret.Ok, withoutSecret.Body.ToString());
        Assert.False(withSecret.Ok);
        Assert.Contains("AADSTS700025", withSecret.Body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task A_password_flow_app_is_a_confidential_client_and_signs_users_in_with_its_secret()
    {
        await using var run = new SandboxRun(mailboxes: 3);
        var appId = await AppliedAsync(run, "delegated-mail-password");
        Assert.False(run.Tenant.Read(s => s.Applications.Single(a => a.AppId == appId).IsFallbackPublicClient) ?? false);

        var withSecret = await PasswordFlowAsync(run, appId, Assert.Single(run.Secrets));
        var withoutSecret = await PasswordFlowAsync(run, appId, secret: null);

        Assert.True(withSecret.Ok, withSecret.Body.ToString());
        Assert.False(withoutSecret.Ok);
        Assert.Contains("AADSTS7000218", withoutSecret.Body.GetProperty("error_description").GetString());
    }

    /// <summary>Applies the named plan case to the sandbox; the app's client id.</summary>
    private static async Task<string> AppliedAsync(SandboxRun run, string caseName)
    {
        var applied = await run.ApplyAsync(run.Plan(PlanCases.All[caseName]));
        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));
        return applied.Values[References.AppClientId.Name];
    }

    private static async Task<(bool Ok, JsonElement Body)> PasswordFlowAsync(SandboxRun run, string appId, string? secret)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = appId,
            ["username"] = User,
            ["password"] = TenantSeed.SandboxPassword,
            ["scope"] = Scope,
        };
        if (secret is not null) form["client_secret"] = secret;
        using var client = run.Host.CreateClient();
        using var answer = await client.PostAsync($"{run.Tenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(form));
        return (answer.IsSuccessStatusCode, await answer.Content.ReadFromJsonAsync<JsonElement>());
    }
}
