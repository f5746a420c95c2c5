using Azure.Identity;
using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Identity;

public sealed class SignInCredentialFactoryTests
{
    private static readonly SignInOptions Base =
        new() { Cloud = CloudCatalog.Global, Tenant = "contoso.onmicrosoft.com", ClientId = "11111111-2222-3333-4444-555555555555" };

    [Fact]
    public void Each_kind_builds_its_azure_identity_credential()
    {
        var factory = new SignInCredentialFactory(environment: _ => null);

        var device = Assert.IsType<OneAtATimeCredential>(factory.Create(Base with { Kind = SignInKind.Device }, (_, _) => Task.CompletedTask));
        Assert.IsType<DeviceCodeCredential>(device.Inner);
        Assert.IsType<ClientSecretCredential>(factory.Create(Base with { Kind = SignInKind.Secret, ClientSecret = "s3cret" }));
    }

    [Fact]
    public async Task Token_requests_made_together_reach_the_device_code_credential_one_at_a_time()
    {
        var inner = new SlowCredential();
        var credential = new OneAtATimeCredential(inner);

        await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => credential.GetTokenAsync(new Azure.Core.TokenRequestContext([$"scope{i}"]), default).AsTask()));

        Assert.Equal(8, inner.Calls);
        Assert.Equal(1, inner.MostAtOnce);
    }

    private sealed class SlowCredential : Azure.Core.TokenCredential
    {
        private int _now;
        public int Calls;
        public int MostAtOnce;

        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext,
            CancellationToken cancellationToken)
        {
            var now = Interlocked.Increment(ref _now);
            lock (this) MostAtOnce = Math.Max(MostAtOnce, now);
            Interlocked.Increment(ref Calls);
            await Task.Delay(20, cancellationToken);
            Interlocked.Decrement(ref _now);
            return new Azure.Core.AccessToken("t", DateTimeOffset.UtcNow.AddHours(1));
        }
    }

    [Fact]
    public void Environment_sign_in_reads_only_the_injected_lookup()
    {
        var seen = new List<string>();
        var factory = new SignInCredentialFactory(environment: name =>
        {
            seen.Add(name);
            return name switch { "AZURE_TENANT_ID" => "t", "AZURE_CLIENT_ID" => "c", "AZURE_CLIENT_SECRET" => "s", _ => null };
        });

        Assert.IsType<ClientSecretCredential>(factory.Create(new SignInOptions { Cloud = CloudCatalog.Global, Kind = SignInKind.Environment }));
        Assert.Contains("AZURE_CLIENT_SECRET", seen);
    }

    [Theory]
    [InlineData(SignInKind.Secret, "Secret sign-in needs a client secret.")]
    [InlineData(SignInKind.Certificate, "Certificate sign-in needs a certificate file.")]
    [InlineData(SignInKind.Device, "Device code sign-in needs a way to show the code to the person signing in.")]
    public void A_missing_piece_is_named(SignInKind kind, string message)
    {
        var error = Assert.Throws<SignInConfigurationException>(() => new SignInCredentialFactory().Create(Base with { Kind = kind }));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_missing_tenant_or_client_is_named()
    {
        Assert.Equal("Secret sign-in needs a tenant id or domain.",
            Assert.Throws<SignInConfigurationException>(
                () => new SignInCredentialFactory().Create(Base with { Kind = SignInKind.Secret, Tenant = " " })).Message);
        Assert.Equal("Secret sign-in needs a client (app) id.",
            Assert.Throws<SignInConfigurationException>(
                () => new SignInCredentialFactory().Create(Base with { Kind = SignInKind.Secret, ClientId = null })).Message);
    }

    [Fact]
    public void A_certificate_file_that_is_not_there_is_named()
    {
        var path = Path.Combine(Path.GetTempPath(), "mailsetup-no-such-" + Guid.NewGuid().ToString("N") + ".pem");

        var error =
            Assert.Throws<SignInConfigurationException>(
                () => new SignInCredentialFactory().Create(Base with { Kind = SignInKind.Certificate, CertificatePath = path }));

        Assert.Equal($"The certificate file '{path}' does not exist.", error.Message);
    }

    [Fact]
    public void A_pem_file_without_a_private_key_is_refused_with_the_reason()
    {
        var path = Path.GetTempFileName();
        try
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=no key", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(path, certificate.ExportCertificatePem());

            var error = Assert.Throws<SignInConfigurationException>(() => CertificateFile.Load(path));

            Assert.StartsWith($"The certificate file '{path}'", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("global", null, "https://login.microsoftonline.com/")]
    [InlineData("china", null, "https://login.chinacloudapi.cn/")]
    [InlineData("global", "127.0.0.1:44300", "https://127.0.0.1:44300/")]
    public void The_authority_is_the_clouds_login_host_over_https_port_included(string cloud, string? login, string authority)
    {
        Assert.True(CloudCatalog.TryParse(cloud, out var found));

        var options = Base with { Cloud = found.WithOverrides(new CloudHostOverrides(Login: login)) };

        Assert.Equal(new Uri(authority), options.AuthorityHost);
    }

    [Fact]
    public void Printed_options_hide_the_secret_and_the_certificate_password()
    {
        var text = (Base with { ClientSecret = "s3cret-value", CertificatePassword = "pfx-password" }).ToString();

        Assert.DoesNotContain("s3cret-value", text);
        Assert.DoesNotContain("pfx-password", text);
        Assert.Contains("ClientSecret = ***", text);
    }
}
