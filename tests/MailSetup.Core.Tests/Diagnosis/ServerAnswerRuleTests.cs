using System.Text;
using MailSetup.Core.Diagnosis;

namespace MailSetup.Core.Tests.Diagnosis;

public sealed class ServerAnswerRuleTests
{
    public static TheoryData<string, string, string> ExchangeAnswerRows { get; } = new()
    {
        { "A1 NO AUTHENTICATE failed.", "exchange-imap-auth-failed",
            $"New-ServicePrincipal -AppId {TestTokens.AppId} -ObjectId {TestTokens.SpObjectId}" },
        { "A1 NO AUTHENTICATE failed.", "exchange-imap-auth-failed",
            $"Add-MailboxPermission -Identity {TestTokens.Mailbox} -User {TestTokens.SpObjectId} -AccessRights FullAccess" },
        { "A2 BAD User is authenticated but not connected.", "exchange-imap-not-connected",
            $"Set-CASMailbox -Identity {TestTokens.Mailbox} -ImapEnabled $true" },
        { "A2 BAD User is authenticated but not connected.", "exchange-imap-not-connected",
            $"Add-MailboxPermission -Identity {TestTokens.Mailbox} -User {TestTokens.SpObjectId} -AccessRights FullAccess" },
        { "* BYE Session invalidated - AccessTokenExpired", "exchange-token-expired-in-session", "fresh token" },
        { "-ERR Authentication failure: unknown user name or bad password.", "exchange-pop-auth-failed",
            $"New-ServicePrincipal -AppId {TestTokens.AppId} -ObjectId {TestTokens.SpObjectId}" },
        { "535 5.7.3 Authentication unsuccessful [SN4PR0501CA0054.namprd05.prod.outlook.com]", "exchange-smtp-auth-failed", "SMTP.SendAsApp" },
        { "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. " +
            "Visit https://aka.ms/smtp_auth_disabled for more information.", "exchange-smtp-auth-disabled-tenant",
            "Set-TransportConfig -SmtpClientAuthenticationDisabled $false" },
        { "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. " +
            "Visit https://aka.ms/smtp_auth_disabled for more information.", "exchange-smtp-auth-disabled-mailbox",
            $"Set-CASMailbox -Identity {TestTokens.Mailbox} -SmtpClientAuthenticationDisabled $false" },
        { "535 5.7.139 Authentication unsuccessful, basic authentication is disabled.", "exchange-smtp-basic-auth", "AUTH XOAUTH2" },
        { "550 5.7.30 Basic authentication is not supported for Client Submission.", "exchange-smtp-basic-auth", "AUTH XOAUTH2" },
        { "550 5.7.60 SMTP; Client does not have permissions to send as this sender", "exchange-smtp-send-as-denied",
            $"Add-RecipientPermission -Identity {TestTokens.Mailbox} -Trustee {TestTokens.SpObjectId} -AccessRights SendAs" },
        { "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message",
            "exchange-smtp-send-as-denied", "-AccessRights SendAs" },
    };

    [Theory]
    [MemberData(nameof(ExchangeAnswerRows))]
    public void Each_Exchange_answer_gives_its_finding_with_the_fix(string answer, string code, string fix)
    {
        var facts = TestTokens.Known with { ServerAnswers = ["* OK The Microsoft Exchange IMAP4 service is ready.", answer] };

        var findings = new Diagnostician().Diagnose(facts);

        var finding = Assert.Single(findings);
        Assert.Equal((code, FindingSeverity.Error, answer), (finding.Code, finding.Severity, finding.Evidence));
        Assert.Contains(fix, finding.Fix);
    }

    [Fact]
    public void Every_Exchange_answer_pattern_is_exercised()
    {
        var answers = ExchangeAnswerRows.Select(row => (string)row[0]).ToList();
        Assert.All(ExchangeAnswers.All, a => Assert.Contains(answers, line => a.Matches(line)));
    }

    [Fact]
    public void Unknown_ids_leave_readable_placeholders()
    {
        var finding =
            Assert.Single(new ExchangeAnswerRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ServerAnswers: ["A1 NO AUTHENTICATE failed."])));
        Assert.Contains("New-ServicePrincipal -AppId <appId> -ObjectId <enterprise app (service principal) object id>", finding.Fix);
    }

    [Theory]
    [InlineData("+ ", "invalid_token", "sasl-invalid-token")]
    [InlineData("334 ", "invalid_token", "sasl-invalid-token")]
    [InlineData("+ ", "401", "sasl-invalid-token")]
    [InlineData("+ ", "insufficient_scope", "sasl-insufficient-scope")]
    [InlineData("", "invalid_request", "sasl-error-challenge")]
    public void A_base64_json_challenge_is_decoded(string prefix, string status, string code)
    {
        var json = $$"""{"status":"{{status}}","schemes":"bearer","scope":"openid mail"}""";
        var line = prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        var finding = Assert.Single(new ServerAnswerRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ServerAnswers: [line])));

        Assert.Equal(code, finding.Code);
        Assert.Contains(json, finding.Evidence);
        Assert.Contains("openid mail", finding.Cause);
    }

    [Theory]
    [InlineData("a NO [AUTHENTICATIONFAILED] Authentication failed.")]
    [InlineData("-ERR [AUTH] Authentication failed.")]
    [InlineData("535 5.7.8 Error: authentication failed: Invalid token")]
    public void Other_servers_refusals_are_reported_as_they_stand(string line)
    {
        var finding = Assert.Single(new Diagnostician().Diagnose(new DiagnosisFacts(TestTokens.Now, ServerAnswers: [line])));
        Assert.Equal(("server-auth-rejected", line), (finding.Code, finding.Evidence));
    }

    [Theory]
    [InlineData("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] Dovecot ready.")]
    [InlineData("A1 OK AUTHENTICATE completed.")]
    [InlineData("235 2.7.0 Authentication successful")]
    [InlineData("+OK User successfully authenticated.")]
    [InlineData("* BYE Logging out")]
    [InlineData("+ ")]
    public void Successes_and_greetings_give_nothing(string line)
    {
        Assert.Empty(new Diagnostician().Diagnose(new DiagnosisFacts(TestTokens.Now, ServerAnswers: [line])));
    }
}
