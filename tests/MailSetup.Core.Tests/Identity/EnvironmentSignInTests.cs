using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Identity;

public sealed class EnvironmentSignInTests
{
    private static readonly SignInOptions FromEnvironment = new() { Cloud = CloudCatalog.Global, Kind = SignInKind.Environment };

    [Fact]
    public void Nothing_set_names_every_missing_variable()
    {
        var error = Assert.Throws<SignInConfigurationException>(() => EnvironmentSignIn.Resolve(FromEnvironment, _ => null));

        Assert.Equal(
            "Sign-in from the environment needs AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH; " +
            "they are not set.", error.Message);
    }

    [Fact]
    public void One_missing_variable_is_named_alone()
    {
        var environment = Environment(("AZURE_TENANT_ID", "contoso.onmicrosoft.com"), ("AZURE_CLIENT_SECRET", "s3cret"));

        var error = Assert.Throws<SignInConfigurationException>(() => EnvironmentSignIn.Resolve(FromEnvironment, environment));

        Assert.Equal("Sign-in from the environment needs AZURE_CLIENT_ID; it is not set.", error.Message);
    }

    [Fact]
    public void A_secret_makes_a_secret_sign_in_and_wins_over_a_certificate()
    {
        var environment =
            Environment(("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_CLIENT_SECRET", "s3cret"),
                ("AZURE_CLIENT_CERTIFICATE_PATH", "/x.pem"));

        var resolved = EnvironmentSignIn.Resolve(FromEnvironment, environment);

        Assert.Equal((SignInKind.Secret, "t", "c", "s3cret", (string?)null),
            (resolved.Kind, resolved.Tenant, resolved.ClientId, resolved.ClientSecret, resolved.CertificatePath));
    }

    [Fact]
    public void A_certificate_path_makes_a_certificate_sign_in_with_its_password()
    {
        var environment =
            Environment(("AZURE_TENANT_ID", "t"), ("AZURE_CLIENT_ID", "c"), ("AZURE_CLIENT_CERTIFICATE_PATH", "/x.pfx"),
                ("AZURE_CLIENT_CERTIFICATE_PASSWORD", "pw"));

        var resolved = EnvironmentSignIn.Resolve(FromEnvironment, environment);

        Assert.Equal((SignInKind.Certificate, "/x.pfx", "pw"), (resolved.Kind, resolved.CertificatePath, resolved.CertificatePassword));
    }

    [Fact]
    public void A_tenant_given_on_the_command_line_wins_over_the_environment()
    {
        var environment = Environment(("AZURE_TENANT_ID", "from-env"), ("AZURE_CLIENT_ID", "c"), ("AZURE_CLIENT_SECRET", "s"));

        Assert.Equal("contoso.onmicrosoft.com",
            EnvironmentSignIn.Resolve(FromEnvironment with { Tenant = "contoso.onmicrosoft.com" }, environment).Tenant);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
