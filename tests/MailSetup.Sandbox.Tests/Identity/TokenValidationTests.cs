using MailSetup.Testing;
using System.Buffers.Text;
using System.Text.Json;
using Azure.Core;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Identity;

public sealed class TokenValidationTests
{
    private const string Secret = "Xy7~validator-secret";
    private static readonly string[] ExchangeAudiences = ["https://outlook.office365.com", "https://outlook.office.com"];

    [Fact]
    public async Task A_sandbox_token_validates_for_its_resource_and_gives_its_claims()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = await IdentityHost.StartAsync(clock);
        var (app, token) = await AppToken(host);

        var result = host.Validator.Validate(token, ExchangeAudiences);

        Assert.True(result.IsValid, result.Reason);
        Assert.Equal(["IMAP.AccessAsApp"], result.Claims!.Roles);
        Assert.Equal(app.ServicePrincipalId, result.Claims.ObjectId);
    }

    [Fact]
    public async Task A_tampered_token_fails_its_signature()
    {
        await using var host = await IdentityHost.StartAsync();
        var (_, token) = await AppToken(host);

        // Add a role to the payload and keep the signature: exactly what a forger would try.
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload["roles"] = JsonSerializer.SerializeToElement(new[] { "IMAP.AccessAsApp", "SMTP.SendAsApp" });
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload))}.{parts[2]}";

        var result = host.Validator.Validate(forged, ExchangeAudiences);

        Assert.False(result.IsValid);
        Assert.Equal(SandboxTokenFailure.BadSignature, result.Failure);
        Assert.Null(result.Claims);
    }

    [Fact]
    public async Task A_token_from_another_sandbox_tenant_fails_its_signature()
    {
        await using var host = await IdentityHost.StartAsync();
        await using var other = await IdentityHost.StartAsync();
        var (_, token) = await AppToken(other);

        Assert.Equal(SandboxTokenFailure.BadSignature, host.Validator.Validate(token, ExchangeAudiences).Failure);
    }

    [Fact]
    public async Task A_token_for_another_resource_fails_its_audience()
    {
        await using var host = await IdentityHost.StartAsync();
        var (_, token) = await AppToken(host);

        var result = host.Validator.Validate(token, "https://graph.microsoft.com");

        Assert.Equal(SandboxTokenFailure.WrongAudience, result.Failure);
        Assert.Contains("https://outlook.office365.com", result.Reason);
    }

    [Fact]
    public async Task A_token_expires_after_an_hour_by_the_sandbox_clock()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = await IdentityHost.StartAsync(clock);
        var (_, token) = await AppToken(host);

        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(host.Validator.Validate(token, ExchangeAudiences).IsValid);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SandboxTokenFailure.Expired, host.Validator.Validate(token, ExchangeAudiences).Failure);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task Anything_but_a_jwt_is_malformed(string token)
    {
        await using var host = await IdentityHost.StartAsync();

        Assert.Equal(SandboxTokenFailure.Malformed, host.Validator.Validate(token, ExchangeAudiences).Failure);
    }

    [Fact]
    public async Task The_published_keys_name_the_key_that_signs_tokens()
    {
        await using var host = await IdentityHost.StartAsync();
        var (_, token) = await AppToken(host);
        using var client = host.CreateClient();

        using var keys = JsonDocument.Parse(await client.GetStringAsync("contoso.onmicrosoft.com/discovery/v2.0/keys"));
        using var metadata = JsonDocument.Parse(await client.GetStringAsync($"{host.Tenant.TenantId}/v2.0/.well-known/openid-configuration"));

        var key = Assert.Single(keys.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(JwtClaims.Decode(token).Header.GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        Assert.Equal("RS256", JwtClaims.Decode(token).Header.GetProperty("alg").GetString());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal($"{host.BaseAddress}/{host.Tenant.TenantId}/discovery/v2.0/keys", metadata.RootElement.GetProperty("jwks_uri").GetString());
        Assert.Equal($"{host.BaseAddress}/{host.Tenant.TenantId}/oauth2/v2.0/token", metadata.RootElement.GetProperty("token_endpoint").GetString());
    }

    private static async Task<(TenantSetup.App App, string Token)> AppToken(IdentityHost host)
    {
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, Secret);
        TenantSetup.GrantAppRoles(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsApp");
        var credential = host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { ClientSecret = Secret });
        var token = await credential.GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]), default);
        return (app, token.Token);
    }
}
