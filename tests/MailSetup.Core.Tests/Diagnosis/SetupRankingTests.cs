using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;

namespace MailSetup.Core.Tests.Diagnosis;

public sealed class SetupRankingTests
{
    private static readonly string[] ImapFailure = ["A1 NO AUTHENTICATE failed."];

    [Fact]
    public void Wrong_ObjectId_ranks_first_for_an_ambiguous_IMAP_failure()
    {
        var facts = TestTokens.Known with
        {
            Protocol = MailProtocol.Imap,
            ServerAnswers = ImapFailure,
            Token = TestTokens.AppOnly(exp: TestTokens.Now.AddMinutes(3)),
            Setup =
                new SetupState(ExchangeServicePrincipalPresent: true, ExchangeServicePrincipalObjectId: TestTokens.AppObjectId, FullAccess: true,
                    ImapEnabled: true),
        };

        var findings = new Diagnostician().Diagnose(facts);

        Assert.Equal(["exchange-service-principal-wrong-object-id", "exchange-imap-auth-failed", "token-expiring"], findings.Select(f => f.Code));
        Assert.Contains("app REGISTRATION's object id", findings[0].Cause);
        Assert.Equal(
            $"Remove-ServicePrincipal -Identity {TestTokens.AppObjectId}; then New-ServicePrincipal -AppId {TestTokens.AppId} " +
            $"-ObjectId {TestTokens.SpObjectId}", findings[0].Fix);
    }

    [Fact]
    public void Each_broken_link_is_named_in_chain_order()
    {
        var facts = TestTokens.Known with
        {
            ServerAnswers = ImapFailure,
            Setup = new SetupState(ExchangeServicePrincipalPresent: false, FullAccess: false, ImapEnabled: false, PopEnabled: false,
                SmtpClientAuthenticationDisabledForTenant: true, RoleConsented: false, SecretExpiresOn: TestTokens.Now.AddDays(10)),
        };

        var codes = new Diagnostician().Diagnose(facts).Select(f => f.Code).ToList();

        Assert.Equal(
            ["exchange-no-service-principal", "consent-missing-role", "mailbox-no-full-access", "mailbox-imap-disabled", "mailbox-pop-disabled",
             "smtp-auth-disabled-tenant", "exchange-imap-auth-failed", "secret-expiring"],
            codes);
    }

    [Fact]
    public void Fixes_carry_the_real_ids()
    {
        var facts =
            TestTokens.Known with { Protocol = MailProtocol.Imap,
                Setup = new SetupState(ExchangeServicePrincipalPresent: false, FullAccess: false, ImapEnabled: false) };
        var fixes = new SetupStateRule().Evaluate(facts).Select(f => f.Fix).ToList();
        Assert.Equal(
            [$"New-ServicePrincipal -AppId {TestTokens.AppId} -ObjectId {TestTokens.SpObjectId}",
             $"Add-MailboxPermission -Identity {TestTokens.Mailbox} -User {TestTokens.SpObjectId} -AccessRights FullAccess",
             $"Set-CASMailbox -Identity {TestTokens.Mailbox} -ImapEnabled $true (takes effect within about 30 minutes)"],
            fixes);
    }

    [Fact]
    public void A_mailbox_that_explicitly_allows_SMTP_AUTH_overrides_the_tenant()
    {
        var facts =
            TestTokens.Known with { Protocol = MailProtocol.Smtp,
                Setup = new SetupState(SmtpClientAuthenticationDisabledForTenant: true, SmtpClientAuthenticationDisabledForMailbox: false) };
        Assert.Empty(new SetupStateRule().Evaluate(facts));
        var disabled =
            Assert.Single(new SetupStateRule().Evaluate(facts with { Setup = new SetupState(SmtpClientAuthenticationDisabledForMailbox: true) }));
        Assert.Equal("smtp-auth-disabled-mailbox", disabled.Code);
    }

    [Fact]
    public void A_correct_setup_leaves_only_the_answer()
    {
        var facts = TestTokens.Known with
        {
            Protocol = MailProtocol.Imap,
            ServerAnswers = ImapFailure,
            Setup = new SetupState(true, TestTokens.SpObjectId, true, true, true, false, null, true, TestTokens.Now.AddDays(300)),
        };
        Assert.Equal(["exchange-imap-auth-failed"], new Diagnostician().Diagnose(facts).Select(f => f.Code));
    }

    [Fact]
    public void An_expired_secret_is_an_error()
    {
        var finding =
            Assert.Single(
                new SetupStateRule().Evaluate(TestTokens.Known with { Setup = new SetupState(SecretExpiresOn: TestTokens.Now.AddDays(-2)) }));
        Assert.Equal(("secret-expired", FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains($"POST /applications/{TestTokens.AppObjectId}/addPassword", finding.Fix);
    }
}
