using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>ROPC (seed 002): Microsoft advises against it, the product supports it and says so.</summary>
public sealed class PasswordSignInTests
{
    private const string User = "adele.vance@contoso.onmicrosoft.com";
    private static readonly TokenRequestContext Smtp = new(["https://outlook.office.com/SMTP.Send"]);

    [Fact]
    public async Task The_right_password_gives_a_delegated_token()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);

        var token = JwtClaims.Decode((await Credential(host, app, User, TenantSeed.SandboxPassword).GetTokenAsync(Smtp, default)).Token);

        Assert.Equal(User, token.UserPrincipalName);
        Assert.Equal(["SMTP.Send"], token.Scopes);
        Assert.Equal("https://outlook.office.com", token.Audience);
    }

    [Fact]
    public async Task A_delegated_token_lists_the_users_directory_roles_by_template_id_in_wids()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);

        var admin =
            JwtClaims.Decode((await Credential(host, app, TenantSeed.AdminAddress, TenantSeed.SandboxPassword).GetTokenAsync(Smtp, default)).Token);
        var user = JwtClaims.Decode((await Credential(host, app, User, TenantSeed.SandboxPassword).GetTokenAsync(Smtp, default)).Token);

        Assert.Equal(["62e90394-69f5-4237-9190-012177145e10"], admin.DirectoryRoleIds);
        Assert.Equal(["Global Administrator"], AdminRoles.Names(admin.DirectoryRoleIds));
        Assert.Empty(user.DirectoryRoleIds);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_50126()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);

        var failure = await ClientSecretSignInTests.SignInFails(Credential(host, app, User, "not-the-password"), Smtp);

        Assert.Equal(50126, failure.Code);
        Assert.Equal("invalid_grant", failure.Error);
    }

    [Fact]
    public async Task A_user_who_needs_mfa_fails_with_50076()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);
        TenantSetup.RequireMfa(host.Tenant, User);

        var failure = await ClientSecretSignInTests.SignInFails(Credential(host, app, User, TenantSeed.SandboxPassword), Smtp);

        Assert.Equal(50076, failure.Code);
        Assert.Contains("multi-factor authentication", failure.Description);
    }

    [Fact]
    public async Task A_scope_the_resource_does_not_have_fails_with_70011()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);

        var failure = await ClientSecretSignInTests.SignInFails(Credential(host, app, User, TenantSeed.SandboxPassword),
            new(["https://outlook.office.com/SMTP.SendEverything"]));

        Assert.Equal(70011, failure.Code);
        Assert.Equal("invalid_scope", failure.Error);
    }

    [Fact]
    public async Task Asking_with_the_graph_prefix_for_a_scope_consented_on_exchange_fails_with_65001()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = ReaderApp(host);

        // FACTS.md: the Graph-prefixed IMAP scope is a different permission (of Graph), not Exchange's.
        var failure = await ClientSecretSignInTests.SignInFails(Credential(host, app, User, TenantSeed.SandboxPassword),
            new(["https://graph.microsoft.com/SMTP.Send"]));

        Assert.Equal(65001, failure.Code);
    }

    private static TenantSetup.App ReaderApp(IdentityHost host)
    {
        var app = TenantSetup.AddApp(host.Tenant, "Mail Sender", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "SMTP.Send");
        return app;
    }

    // The product offers no ROPC sign-in of its own (admins sign in by device code), so the test
    // builds Azure.Identity's credential with the same wiring as the product's factory.
#pragma warning disable CS0618 // UsernamePasswordCredential is deprecated: ROPC is exactly what is under test
    private static TokenCredential Credential(IdentityHost host, TenantSetup.App app, string user, string password) =>
        new UsernamePasswordCredential(user, password, host.Tenant.TenantId, app.AppId, new UsernamePasswordCredentialOptions
        {
            AuthorityHost = host.Options(SignInKind.Device, app.AppId).AuthorityHost,
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(host.CreateHandler()),
        });
#pragma warning restore CS0618
}
