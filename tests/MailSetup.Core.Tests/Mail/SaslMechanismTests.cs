using System.Text;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Testing.Dovecot;

namespace MailSetup.Core.Tests.Mail;

public sealed class SaslMechanismTests
{
    private static readonly SaslCredentials Credentials = new("user@contoso.com", "TOKEN", "outlook.office365.com", 993);

    private static string Decode(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    [Fact]
    public void Xoauth2_sends_user_and_bearer_token_separated_by_ctrl_a()
    {
        var mechanism = new XOAuth2Mechanism(Credentials);

        Assert.Equal("XOAUTH2", mechanism.Name);
        Assert.Equal("user=user@contoso.com\u0001auth=Bearer TOKEN\u0001\u0001", Decode(mechanism.InitialResponse()));
    }

    [Fact]
    public void Oauthbearer_sends_the_rfc7628_message_with_gs2_header_host_and_port()
    {
        var mechanism = new OAuthBearerMechanism(Credentials);

        Assert.Equal("OAUTHBEARER", mechanism.Name);
        Assert.Equal("n,a=user@contoso.com,\u0001host=outlook.office365.com\u0001port=993\u0001auth=Bearer TOKEN\u0001\u0001",
            Decode(mechanism.InitialResponse()));
    }

    [Fact]
    public void Oauthbearer_escapes_comma_and_equals_in_the_user_name()
    {
        var mechanism = new OAuthBearerMechanism(Credentials with { Mailbox = "a,b=c@x" });

        Assert.StartsWith("n,a=a=2Cb=3Dc@x,\u0001", Decode(mechanism.InitialResponse()));
    }

    [Fact]
    public void Xoauth2_answers_the_error_challenge_with_an_empty_line_and_keeps_the_decoded_json()
    {
        var mechanism = new XOAuth2Mechanism(Credentials);
        var challenge = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}"""));

        var answer = mechanism.AnswerChallenge(challenge);

        Assert.Equal("", answer);
        Assert.Equal("401", mechanism.ErrorChallenge!.Status);
        Assert.Equal("bearer", mechanism.ErrorChallenge.Schemes);
        Assert.Equal("https://mail.google.com/", mechanism.ErrorChallenge.Scope);
    }

    [Fact]
    public void Oauthbearer_answers_the_error_challenge_with_a_single_ctrl_a()
    {
        var mechanism = new OAuthBearerMechanism(Credentials);

        var answer = mechanism.AnswerChallenge(Convert.ToBase64String("""{"status":"invalid_token"}"""u8.ToArray()));

        Assert.Equal("\u0001", Decode(answer));
        Assert.Equal("invalid_token", mechanism.ErrorChallenge!.Status);
        Assert.Null(mechanism.ErrorChallenge.Scope);
    }

    [Theory]
    [InlineData("not base64 at all!", "not base64 at all!")]
    [InlineData("aGVsbG8=", "hello")]
    public void A_challenge_that_is_not_base64_json_is_kept_as_text(string challenge, string kept)
    {
        var decoded = SaslErrorChallenge.FromBase64(challenge);

        Assert.Equal(kept, decoded.Json);
        Assert.Null(decoded.Status);
    }

    [Fact]
    public void The_redacted_form_describes_a_jwt_by_audience_and_expiry()
    {
        var token = new TestTokenIssuer().Good("user@contoso.com");
        var mechanism = new XOAuth2Mechanism(Credentials with { Token = token });

        var traced = mechanism.RedactedInitialResponse();

        Assert.Matches(
            @"^user=user@contoso\.com auth=Bearer <token redacted: aud=https://outlook\.office365\.com exp=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ>$",
            traced);
        Assert.DoesNotContain(token, traced);
    }

    [Fact]
    public void The_redacted_form_of_a_token_that_is_no_jwt_says_only_that_it_is_redacted()
    {
        var mechanism = new OAuthBearerMechanism(Credentials with { Token = "CANARY-opaque-token" });

        Assert.Equal("n,a=user@contoso.com, host=outlook.office365.com port=993 auth=Bearer <token redacted>", mechanism.RedactedInitialResponse());
    }

    [Fact]
    public void Credentials_never_print_the_token()
    {
        Assert.DoesNotContain("TOKEN", Credentials.ToString());
    }
}
