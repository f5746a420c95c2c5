using MailSetup.Core.Diagnosis;

namespace MailSetup.Core.Tests.Diagnosis;

public sealed class AadstsRuleTests
{
    public static TheoryData<string, FindingSeverity, string> Codes { get; } = new()
    {
        { "7000215", FindingSeverity.Error, "not its Secret ID" },
        { "7000222", FindingSeverity.Error, $"POST /applications/{TestTokens.AppObjectId}/addPassword" },
        { "700016", FindingSeverity.Error, $"GET /applications?$filter=appId eq '{TestTokens.AppId}'" },
        { "90002", FindingSeverity.Error, "--cloud usgov-high" },
        { "500011", FindingSeverity.Error, "https://outlook.office365.com/.default" },
        { "65001", FindingSeverity.Error, "Grant admin consent" },
        { "70011", FindingSeverity.Error, "https://outlook.office.com/IMAP.AccessAsUser.All" },
        { "700022", FindingSeverity.Error, "one token per resource" },
        { "7000218", FindingSeverity.Error, "Allow public client flows = Yes" },
        { "700025", FindingSeverity.Error, "isFallbackPublicClient" },
        { "700027", FindingSeverity.Error, $"PATCH /applications/{TestTokens.AppObjectId} with keyCredentials" },
        { "50076", FindingSeverity.Error, "device code" },
        { "50079", FindingSeverity.Error, "device code" },
        { "50126", FindingSeverity.Error, "UPN and password" },
        { "53003", FindingSeverity.Error, "Sign-in logs" },
        { "50194", FindingSeverity.Error, $"https://login.microsoftonline.com/{TestTokens.Tenant}/oauth2/v2.0/token" },
        { "70016", FindingSeverity.Info, "keep polling" },
        { "700082", FindingSeverity.Error, "Sign in again" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_in_an_error_text_gives_its_finding_with_the_fix(string code, FindingSeverity severity, string fix)
    {
        var text = $"invalid_client: AADSTS{code}: Something went wrong. Trace ID: 0000\nCorrelation ID: 1111";
        var facts = TestTokens.Known with { ErrorText = text };

        var finding = Assert.Single(new AadstsRule().Evaluate(facts));

        Assert.Equal($"aadsts-{code}", finding.Code);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains(fix, finding.Fix);
        Assert.Contains($"AADSTS{code}", finding.Evidence);
        Assert.DoesNotContain("Correlation", finding.Evidence);
    }

    [Fact]
    public void The_table_covers_every_code_of_the_facts()
    {
        Assert.Equal(Codes.Select(row => (string)row[0]).Order(), AadstsRule.KnownCodes.Order());
    }

    [Theory]
    [InlineData("7000215")]
    [InlineData("AADSTS7000215")]
    public void A_bare_code_is_enough(string text)
    {
        var finding = Assert.Single(new AadstsRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ErrorText: text)));
        Assert.Equal("aadsts-7000215", finding.Code);
        Assert.Contains("<app registration object id>", finding.Fix);
    }

    [Fact]
    public void Wrong_cloud_is_named_for_an_unknown_tenant()
    {
        var finding =
            Assert.Single(new AadstsRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ErrorText: "AADSTS90002: Tenant 'contoso.us' not found.")));
        Assert.Contains("another cloud", finding.Cause);
    }

    [Fact]
    public void An_unknown_code_still_gives_a_finding()
    {
        var finding = Assert.Single(new AadstsRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ErrorText: "AADSTS123456: new error")));
        Assert.Equal(("aadsts-123456", FindingSeverity.Error), (finding.Code, finding.Severity));
    }

    [Fact]
    public void No_error_text_gives_nothing()
    {
        Assert.Empty(new AadstsRule().Evaluate(new DiagnosisFacts(TestTokens.Now, ErrorText: "connection reset")));
    }
}
