using MailSetup.Testing;
using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Identity;

public sealed class ClientCertificateSignInTests
{
    private static readonly TokenRequestContext Exchange = new(["https://outlook.office365.com/.default"]);

    [Fact]
    public async Task A_certificate_in_the_apps_key_credentials_signs_in_from_a_pem_file()
    {
        await using var host = await IdentityHost.StartAsync();
        using var folder = new TempFolder();
        using var certificate = TestCertificates.Create();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddCertificate(host.Tenant, app, certificate);
        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.ExchangeOnline, "POP.AccessAsApp");

        var credential = host.Credentials().Create(host.Options(SignInKind.Certificate, app.AppId) with
        {
            CertificatePath = TestCertificates.WritePem(certificate, folder.Path),
        });
        var token = JwtClaims.Decode((await credential.GetTokenAsync(Exchange, default)).Token);

        Assert.Equal(["POP.AccessAsApp"], token.Roles);
        Assert.Equal("2", token.String("appidacr")); // 2: a certificate proved the client
        Assert.True(host.Validator.Validate((await credential.GetTokenAsync(Exchange, default)).Token, "https://outlook.office365.com").IsValid);
    }

    [Fact]
    public async Task A_password_protected_pfx_signs_in_too()
    {
        await using var host = await IdentityHost.StartAsync();
        using var folder = new TempFolder();
        using var certificate = TestCertificates.Create();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddCertificate(host.Tenant, app, certificate);

        var credential = host.Credentials().Create(host.Options(SignInKind.Certificate, app.AppId) with
        {
            CertificatePath = TestCertificates.WritePfx(certificate, folder.Path, "pfx-password"),
            CertificatePassword = "pfx-password",
        });

        Assert.Equal(app.AppId, JwtClaims.Decode((await credential.GetTokenAsync(Exchange, default)).Token).AppId);
    }

    [Fact]
    public async Task A_certificate_the_app_does_not_have_fails_with_700027()
    {
        await using var host = await IdentityHost.StartAsync();
        using var folder = new TempFolder();
        using var registered = TestCertificates.Create();
        using var other = TestCertificates.Create();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddCertificate(host.Tenant, app, registered);

        var credential = host.Credentials().Create(host.Options(SignInKind.Certificate, app.AppId) with
        {
            CertificatePath = TestCertificates.WritePem(other, folder.Path),
        });
        var failure = await ClientSecretSignInTests.SignInFails(credential, Exchange);

        Assert.Equal(700027, failure.Code);
        Assert.Contains("not registered on application", failure.Description);
    }

    [Fact]
    public async Task An_assertion_naming_the_registered_certificate_but_signed_by_another_key_fails_with_700027()
    {
        await using var host = await IdentityHost.StartAsync();
        using var registered = TestCertificates.Create();
        using var forger = RSA.Create(2048);
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddCertificate(host.Tenant, app, registered);

        var header = new { alg = "RS256", typ = "JWT", x5t = Base64Url.EncodeToString(registered.GetCertHash()) };
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims =
            new { aud = $"{host.BaseAddress}/{host.Tenant.TenantId}/oauth2/v2.0/token", iss = app.AppId, sub = app.AppId,
                jti = Guid.NewGuid().ToString(), nbf = now, exp = now + 600 };
        var input =
            Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header)) + "." +
                Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
        var assertion =
            input + "." +
                Base64Url.EncodeToString(forger.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var client = host.CreateClient();
        using var answer =
            await client.PostAsync($"{host.Tenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = app.AppId,
            ["scope"] = "https://outlook.office365.com/.default",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        }));
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("invalid_client", body.RootElement.GetProperty("error").GetString());
        Assert.Equal(700027, body.RootElement.GetProperty("error_codes")[0].GetInt32());
        Assert.StartsWith("AADSTS700027: Client assertion failed signature validation",
            body.RootElement.GetProperty("error_description").GetString());
    }
}
