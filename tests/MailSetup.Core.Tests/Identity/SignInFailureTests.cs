using Azure.Identity;
using MailSetup.Core.Identity;
using Microsoft.Identity.Client;

namespace MailSetup.Core.Tests.Identity;

public sealed class SignInFailureTests
{
    [Fact]
    public void The_aadsts_code_and_line_are_found_inside_azure_identitys_exception()
    {
        var msal = new MsalServiceException("invalid_client",
            "A configuration issue is preventing authentication. Original exception: AADSTS7000215: Invalid client secret provided.\r\nTrace ID: " +
            "1\r\nCorrelation ID: 2");
        var error = new AuthenticationFailedException("ClientSecretCredential authentication failed: ", msal);

        var failure = SignInFailure.From(error);

        Assert.NotNull(failure);
        Assert.Equal(7000215, failure.Code);
        Assert.Equal("invalid_client", failure.Error);
        Assert.Equal("AADSTS7000215: Invalid client secret provided.", failure.Description);
    }

    [Fact]
    public void A_failure_that_never_reached_entra_has_none()
    {
        Assert.Null(
            SignInFailure.From(
                new AuthenticationFailedException("ClientSecretCredential authentication failed: ", new HttpRequestException("refused"))));
    }
}
