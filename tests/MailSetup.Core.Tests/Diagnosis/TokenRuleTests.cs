using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Diagnosis;

public sealed class TokenRuleTests
{
    private static IReadOnlyList<Finding> Inspect(JwtClaims token, MailProtocol? protocol = null, Cloud? cloud = null) =>
        new Diagnostician(Diagnostician.TokenRules()).Diagnose(TestTokens.Known with { Token = token, Protocol = protocol, Cloud = cloud });

    [Theory]
    [InlineData("https://outlook.office365.com")]
    [InlineData("https://outlook.office365.com/")]
    [InlineData("https://outlook.office.com")]
    [InlineData("00000002-0000-0ff1-ce00-000000000000")]
    public void A_good_app_only_Exchange_token_gives_nothing(string aud)
    {
        Assert.Empty(Inspect(TestTokens.AppOnly(aud)));
    }

    [Fact]
    public void A_Graph_token_is_the_classic_mistake()
    {
        var finding = Assert.Single(Inspect(TestTokens.AppOnly("https://graph.microsoft.com", roles: ["Mail.Send"])));
        Assert.Equal(("token-graph-audience", FindingSeverity.Error, "aud=https://graph.microsoft.com"),
            (finding.Code, finding.Severity, finding.Evidence));
        Assert.Contains("https://outlook.office365.com/.default", finding.Fix);
    }

    [Fact]
    public void A_Graph_prefixed_delegated_scope_is_flagged_with_the_outlook_prefix_as_fix()
    {
        var finding = Assert.Single(Inspect(TestTokens.Delegated("00000003-0000-0000-c000-000000000000", "IMAP.AccessAsUser.All User.Read")));
        Assert.Equal("token-graph-prefixed-scope", finding.Code);
        Assert.Contains("https://outlook.office.com/IMAP.AccessAsUser.All", finding.Fix);
    }

    [Fact]
    public void A_GCC_High_mailbox_needs_the_GCC_High_Exchange_audience()
    {
        var finding = Assert.Single(Inspect(TestTokens.AppOnly(), cloud: CloudCatalog.UsGovHigh));
        Assert.Equal("token-cloud-audience", finding.Code);
        Assert.Contains("https://outlook.office365.us/.default", finding.Fix);
        Assert.Empty(Inspect(TestTokens.AppOnly("https://outlook.office365.us"), cloud: CloudCatalog.UsGovHigh));
    }

    [Theory]
    [InlineData(MailProtocol.Imap, "IMAP.AccessAsApp")]
    [InlineData(MailProtocol.Pop, "POP.AccessAsApp")]
    [InlineData(MailProtocol.Smtp, "SMTP.SendAsApp")]
    public void An_app_only_token_needs_the_protocols_role(MailProtocol protocol, string role)
    {
        var others = new[] { "IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp" }.Where(r => r != role).ToArray();
        var finding = Assert.Single(Inspect(TestTokens.AppOnly(roles: others), protocol));
        Assert.Equal(("token-missing-role", FindingSeverity.Error), (finding.Code, finding.Severity));
        Assert.Contains(role, finding.Fix);
        Assert.Contains(TestTokens.SpObjectId, finding.Fix);
        Assert.Empty(Inspect(TestTokens.AppOnly(roles: [role]), protocol));
    }

    [Theory]
    [InlineData(MailProtocol.Imap, "IMAP.AccessAsUser.All")]
    [InlineData(MailProtocol.Pop, "POP.AccessAsUser.All")]
    [InlineData(MailProtocol.Smtp, "SMTP.Send")]
    public void A_delegated_token_needs_the_protocols_scope(MailProtocol protocol, string scope)
    {
        var finding = Assert.Single(Inspect(TestTokens.Delegated("https://outlook.office.com", "User.Read"), protocol));
        Assert.Equal("token-missing-scope", finding.Code);
        Assert.Contains($"https://outlook.office.com/{scope}", finding.Fix);
        Assert.Empty(Inspect(TestTokens.Delegated("https://outlook.office.com", scope), protocol));
    }

    [Fact]
    public void Without_a_protocol_a_partial_token_is_only_info_and_an_empty_one_an_error()
    {
        var partial = Assert.Single(Inspect(TestTokens.AppOnly(roles: ["IMAP.AccessAsApp"])));
        Assert.Equal(("token-missing-role", FindingSeverity.Info), (partial.Code, partial.Severity));
        Assert.Contains("POP, SMTP", partial.Cause);
        var none = Assert.Single(Inspect(TestTokens.AppOnly(roles: [])));
        Assert.Equal(FindingSeverity.Error, none.Severity);
    }

    [Fact]
    public void An_expired_token_is_an_error_and_one_expiring_soon_a_warning()
    {
        var expired = Assert.Single(Inspect(TestTokens.AppOnly(exp: TestTokens.Now.AddMinutes(-3))));
        Assert.Equal(("token-expired", FindingSeverity.Error), (expired.Code, expired.Severity));
        Assert.Contains("3 min ago", expired.Cause);
        var soon = Assert.Single(Inspect(TestTokens.AppOnly(exp: TestTokens.Now.AddMinutes(4))));
        Assert.Equal(("token-expiring", FindingSeverity.Warning), (soon.Code, soon.Severity));
        Assert.Empty(Inspect(TestTokens.AppOnly(exp: TestTokens.Now.AddMinutes(6))));
    }

    [Fact]
    public void Tenant_and_app_mismatches_are_errors_when_the_expected_ones_are_known()
    {
        var facts = TestTokens.Known with
        {
            Tenant = "99999999-2222-3333-4444-555555555555",
            AppId = "dddddddd-0000-0000-0000-000000000009",
            Token = TestTokens.AppOnly(),
        };
        var codes = new Diagnostician(Diagnostician.TokenRules()).Diagnose(facts).Select(f => f.Code);
        Assert.Equal(["token-tenant-mismatch", "token-app-mismatch"], codes);
        // A tenant given by domain cannot be compared with tid: no guess.
        Assert.Empty(new TokenIdentityRule().Evaluate(facts with { Tenant = "contoso.onmicrosoft.com", AppId = TestTokens.AppId }));
    }
}
