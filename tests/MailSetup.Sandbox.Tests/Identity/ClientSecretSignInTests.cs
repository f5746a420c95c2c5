using MailSetup.Testing;
using Azure.Core;
using Azure.Identity;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Identity;

public sealed class ClientSecretSignInTests
{
    private const string Secret = "Xy7~sandbox-secret-value-0123456789";
    private static readonly TokenRequestContext Exchange = new(["https://outlook.office365.com/.default"]);

    [Fact]
    public async Task A_token_carries_no_roles_before_consent_and_exactly_the_consented_roles_after()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);

        var before = JwtClaims.Decode((await SecretCredential(host, app).GetTokenAsync(Exchange, default)).Token);
        Assert.Empty(before.Roles);
        Assert.False(before.Payload.TryGetProperty("roles", out _));

        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsApp", "SMTP.SendAsApp");
        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.MicrosoftGraph, "Mail.Send");

        // A new credential: Azure.Identity would otherwise answer from its cache.
        var after = JwtClaims.Decode((await SecretCredential(host, app).GetTokenAsync(Exchange, default)).Token);
        Assert.Equal(["IMAP.AccessAsApp", "SMTP.SendAsApp"], after.Roles);
        Assert.Equal("https://outlook.office365.com", after.Audience);
        Assert.Equal($"https://sts.windows.net/{host.Tenant.TenantId}/", after.Issuer);
        Assert.Equal(host.Tenant.TenantId, after.TenantId);
        Assert.Equal(app.AppId, after.AppId);
        Assert.Equal(app.ServicePrincipalId, after.ObjectId);
        Assert.Equal("1", after.String("appidacr"));
        Assert.Null(after.UserPrincipalName);
        Assert.True(after.IsAppOnly);
        Assert.Equal(TimeSpan.FromHours(1), after.ExpiresOn - after.IssuedAt);

        var graph = JwtClaims.Decode((await SecretCredential(host, app).GetTokenAsync(new(["https://graph.microsoft.com/.default"]), default)).Token);
        Assert.Equal(["Mail.Send"], graph.Roles);
        Assert.Equal("https://graph.microsoft.com", graph.Audience);
    }

    [Fact]
    public async Task The_tenant_can_be_named_by_its_verified_domain()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);

        var credential =
            host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { Tenant = "contoso.onmicrosoft.com", ClientSecret = Secret });
        var token = JwtClaims.Decode((await credential.GetTokenAsync(Exchange, default)).Token);

        Assert.Equal(host.Tenant.TenantId, token.TenantId);
    }

    [Fact]
    public async Task The_real_cloud_hosts_work_when_only_the_transport_leads_to_the_sandbox()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);

        // No host override at all: the handler alone decides where requests go, so scopes and
        // audiences stay the real ones (https://outlook.office365.com) whatever the sandbox's address.
        var credential =
            host.Credentials()
                .Create(host.Options(SignInKind.Secret, app.AppId) with { Cloud = MailSetup.Core.Clouds.CloudCatalog.Global, ClientSecret = Secret });
        var token = JwtClaims.Decode((await credential.GetTokenAsync(Exchange, default)).Token);

        Assert.Equal("https://outlook.office365.com", token.Audience);
        Assert.Equal([$"POST /{host.Tenant.TenantId}/oauth2/v2.0/token"], host.Requests);
    }

    [Fact]
    public async Task The_secret_id_pasted_instead_of_its_value_fails_with_7000215()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        var secretId = TenantSetup.AddSecret(host.Tenant, app, Secret);

        var error = await SignInFails(SecretCredential(host, app, secretId), Exchange);

        Assert.Equal(7000215, error.Code);
        Assert.StartsWith("AADSTS7000215: Invalid client secret provided", error.Description);
        Assert.Contains("not the client secret ID", error.Description);
    }

    [Fact]
    public async Task An_expired_secret_fails_with_7000222()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));
        await using var host = await IdentityHost.StartAsync(clock);
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret, end: clock.GetUtcNow().AddDays(30));

        clock.Advance(TimeSpan.FromDays(31));
        var error = await SignInFails(SecretCredential(host, app), Exchange);

        Assert.Equal(7000222, error.Code);
        Assert.Equal("invalid_client", error.Error);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("expired", error.Description);
    }

    [Fact]
    public async Task An_app_that_is_not_in_the_tenant_fails_with_700016()
    {
        await using var host = await IdentityHost.StartAsync();

        var credential = host.Credentials().Create(host.Options(SignInKind.Secret, Guid.NewGuid().ToString()) with { ClientSecret = Secret });
        var error = await SignInFails(credential, Exchange);

        Assert.Equal(700016, error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("Contoso", error.Description);
    }

    [Fact]
    public async Task An_unknown_tenant_fails_with_90002()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);

        var credential =
            host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { Tenant = "fabrikam.onmicrosoft.com", ClientSecret = Secret });
        var error = await SignInFails(credential, Exchange);

        Assert.StartsWith("AADSTS90002: Tenant 'fabrikam.onmicrosoft.com' not found", error.Description);
    }

    [Theory]
    [InlineData("https://outlook.office365.com/.default https://graph.microsoft.com/.default", 700022)]
    [InlineData("https://outlook.office365.com/IMAP.AccessAsApp", 1002012)]
    [InlineData("https://mail.example.com/.default", 500011)]
    public async Task Scopes_that_client_credentials_cannot_have_fail_with_entras_code(string scope, int code)
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);

        var error = await SignInFails(SecretCredential(host, app), new TokenRequestContext(scope.Split(' ')));

        Assert.Equal(code, error.Code);
    }

    internal static TokenCredential SecretCredential(IdentityHost host, TenantSetup.App app, string secret = Secret) =>
        host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { ClientSecret = secret });

    /// <summary>
    /// Asks for a token that must be refused, and returns what Entra said as the product reads it
    /// from Azure.Identity's exception (the AADSTS text is inside, in MSAL's exception).
    /// </summary>
    internal static async Task<SignInFailure> SignInFails(TokenCredential credential, TokenRequestContext request)
    {
        var error = await Assert.ThrowsAsync<AuthenticationFailedException>(async () => await credential.GetTokenAsync(request, default));
        var failure = SignInFailure.From(error);
        Assert.NotNull(failure);
        Assert.Contains($"AADSTS{failure.Code}", error.InnerException!.Message);
        return failure;
    }
}
