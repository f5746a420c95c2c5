using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>Tokens for diagnosis, by each flow a mail app really uses, from the sandbox's token endpoint through the real Azure.Identity.</summary>
public sealed class MailTokenSourceTests
{
    private const string Secret = "mail-app-secret-canary-7f3a";
    private const string User = "adele.vance@contoso.onmicrosoft.com";

    private static MailTokenRequest Request(IdentityHost host, TenantSetup.App app, MailTokenFlow flow) => new()
    {
        Cloud = host.Cloud,
        Tenant = host.Tenant.TenantId,
        ClientId = app.AppId,
        Flow = flow,
    };

    private static TenantSetup.App AppOnlyApp(IdentityHost host)
    {
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);
        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsApp", "POP.AccessAsApp");
        return app;
    }

    private static TenantSetup.App DelegatedApp(IdentityHost host, bool publicClient = true)
    {
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All SMTP.Send");
        return app;
    }

    [Fact]
    public async Task Client_credentials_ask_for_the_exchange_default_scope_and_get_the_consented_roles()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = AppOnlyApp(host);

        var token =
            await new MailTokenSource(host.CreateHandler()).AcquireAsync(Request(host, app, MailTokenFlow.Secret) with { ClientSecret = Secret },
                null, default);
        var claims = JwtClaims.Decode(token.AccessToken);

        Assert.Equal(["https://outlook.office365.com/.default"], token.Scopes);
        Assert.Equal("https://outlook.office365.com", claims.Audience);
        Assert.Equal(["IMAP.AccessAsApp", "POP.AccessAsApp"], claims.Roles.Order());
        Assert.Equal(app.ServicePrincipalId, claims.ObjectId);
        Assert.DoesNotContain(Secret, token.ToString());
    }

    [Fact]
    public async Task A_certificate_gets_the_same_app_only_token()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = AppOnlyApp(host);
        using var certificate = TestCertificates.Create();
        TenantSetup.AddCertificate(host.Tenant, app, certificate);
        using var folder = new TempFolder();

        var token = await new MailTokenSource(host.CreateHandler()).AcquireAsync(
            Request(host, app, MailTokenFlow.Certificate) with { CertificatePath = TestCertificates.WritePem(certificate, folder.Path) }, null,
            default);

        Assert.Equal(["IMAP.AccessAsApp", "POP.AccessAsApp"], JwtClaims.Decode(token.AccessToken).Roles.Order());
    }

    [Fact]
    public async Task The_secrets_id_pasted_for_its_value_fails_with_7000215_and_the_secret_is_not_in_the_message()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = AppOnlyApp(host);
        var keyId = TenantSetup.AddSecret(host.Tenant, app, "another-secret-value");

        var failure = await Assert.ThrowsAsync<MailTokenException>(() =>
            new MailTokenSource(host.CreateHandler()).AcquireAsync(Request(host, app, MailTokenFlow.Secret) with { ClientSecret = keyId }, null,
                default));

        Assert.Equal(7000215, failure.Failure?.Code);
        Assert.StartsWith("AADSTS7000215", failure.ErrorText, StringComparison.Ordinal);
        Assert.DoesNotContain(keyId, failure.Message);
    }

    [Fact]
    public async Task Device_code_asks_for_the_delegated_scopes_with_the_exchange_prefix()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = DelegatedApp(host);
        string? shown = null;

        var token = await new MailTokenSource(host.CreateHandler()).AcquireAsync(
            Request(host, app, MailTokenFlow.Device) with { Protocols = [MailProtocol.Smtp, MailProtocol.Imap] },
            (info, _) =>
            {
                shown = info.UserCode;
                host.DeviceCodes.Approve(info.UserCode, User);
                return Task.CompletedTask;
            }, default);
        var claims = JwtClaims.Decode(token.AccessToken);

        Assert.NotNull(shown);
        Assert.Equal(["https://outlook.office.com/IMAP.AccessAsUser.All", "https://outlook.office.com/SMTP.Send"], token.Scopes);
        Assert.Equal(User, claims.UserPrincipalName);
        Assert.Equal(["IMAP.AccessAsUser.All", "SMTP.Send"], claims.Scopes.Order());
    }

    [Fact]
    public async Task Device_code_for_an_app_without_public_client_flows_fails_with_7000218()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = DelegatedApp(host, publicClient: false);

        var failure = await Assert.ThrowsAsync<MailTokenException>(() => new MailTokenSource(host.CreateHandler()).AcquireAsync(
            Request(host, app, MailTokenFlow.Device) with { Protocols = [MailProtocol.Imap] },
            (info, _) =>
            {
                host.DeviceCodes.Approve(info.UserCode, User);
                return Task.CompletedTask;
            }, default));

        Assert.Equal(7000218, failure.Failure?.Code);
    }

    [Fact]
    public async Task The_password_flow_works_for_a_public_client_and_for_a_confidential_one_with_its_secret()
    {
        await using var host = await IdentityHost.StartAsync();
        var publicApp = DelegatedApp(host);
        var confidentialApp = DelegatedApp(host, publicClient: false);
        TenantSetup.AddSecret(host.Tenant, confidentialApp, Secret);
        var source = new MailTokenSource(host.CreateHandler());

        var fromPublic = await source.AcquireAsync(Request(host, publicApp, MailTokenFlow.Ropc) with
            { Protocols = [MailProtocol.Imap], UserName = User, Password = TenantSeed.SandboxPassword }, null, default);
        var fromConfidential = await source.AcquireAsync(Request(host, confidentialApp, MailTokenFlow.Ropc) with
            { Protocols = [MailProtocol.Imap], UserName = User, Password = TenantSeed.SandboxPassword, ClientSecret = Secret }, null, default);

        // Entra puts every consented scope of the resource in scp, not just the ones asked for.
        Assert.Contains("IMAP.AccessAsUser.All", JwtClaims.Decode(fromPublic.AccessToken).Scopes);
        Assert.Equal(User, JwtClaims.Decode(fromConfidential.AccessToken).UserPrincipalName);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_50126_and_neither_password_nor_secret_is_in_the_message()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = DelegatedApp(host);
        const string wrong = "wrong-password-canary-91c2";

        var failure = await Assert.ThrowsAsync<MailTokenException>(() => new MailTokenSource(host.CreateHandler()).AcquireAsync(
            Request(host, app, MailTokenFlow.Ropc) with { Protocols = [MailProtocol.Imap], UserName = User, Password = wrong }, null, default));

        Assert.Equal(50126, failure.Failure?.Code);
        Assert.Equal("invalid_grant", failure.Failure?.Error);
        Assert.DoesNotContain(wrong, failure.Message);
        Assert.DoesNotContain(wrong, failure.ToString());
    }

    [Fact]
    public void Delegated_scopes_in_other_clouds_use_that_clouds_exchange_host()
    {
        var scopes = MailTokenScopes.Delegated(MailSetup.Core.Clouds.CloudCatalog.UsGovHigh, [MailProtocol.Pop]);
        Assert.Equal(["https://outlook.office365.us/POP.AccessAsUser.All"], scopes);
        Assert.Equal(["https://outlook.office365.us/.default"], MailTokenScopes.AppOnly(MailSetup.Core.Clouds.CloudCatalog.UsGovHigh));
    }
}

/// <summary>Consent given to Exchange's mail scopes where the portal lists them (under Microsoft Graph) serves tokens asked for with the Exchange
/// prefix.</summary>
public sealed class GraphListedMailScopeTests
{
    [Fact]
    public async Task Consent_on_graphs_imap_scope_serves_an_outlook_token_but_other_graph_scopes_do_not()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.MicrosoftGraph, "IMAP.AccessAsUser.All User.Read");
        var request = new MailTokenRequest
        {
            Cloud = host.Cloud, Tenant = host.Tenant.TenantId, ClientId = app.AppId, Flow = MailTokenFlow.Ropc,
            Protocols = [MailProtocol.Imap], UserName = "adele.vance@contoso.onmicrosoft.com", Password = TenantSeed.SandboxPassword,
        };

        var token = JwtClaims.Decode((await new MailTokenSource(host.CreateHandler()).AcquireAsync(request, null, default)).AccessToken);
        Assert.Equal("https://outlook.office.com", token.Audience);
        Assert.Equal(["IMAP.AccessAsUser.All"], token.Scopes);

        var smtp =
            await Assert.ThrowsAsync<MailTokenException>(
                () => new MailTokenSource(host.CreateHandler()).AcquireAsync(request with { Protocols = [MailProtocol.Smtp] }, null, default));
        Assert.Equal(65001, smtp.Failure?.Code);
    }
}
