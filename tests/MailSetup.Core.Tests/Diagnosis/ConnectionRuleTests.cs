using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Diagnosis;

public sealed class ConnectionRuleTests
{
    private static readonly Diagnostician Diagnostician = new();

    [Fact]
    public void A_failed_lookup_is_a_dns_finding_naming_the_clouds_hosts()
    {
        var findings = Diagnose(Failed(TraceStage.Dns, "Name or service not known"));

        var finding = Assert.Single(findings);
        Assert.Equal("connect-dns", finding.Code);
        Assert.Equal("Name or service not known", finding.Evidence);
        Assert.Contains("outlook.office365.com", finding.Fix);
    }

    [Theory]
    [InlineData("Connection refused", "connect-refused")]
    [InlineData("Connecting to h:993 took longer than 10s.", "connect-timeout")]
    [InlineData("Connection timed out", "connect-timeout")]
    public void A_failed_connect_tells_refused_from_timed_out(string failure, string code)
    {
        var finding = Assert.Single(Diagnose(Failed(TraceStage.Connect, failure)));

        Assert.Equal(code, finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Theory]
    [InlineData("untrusted: chain: self signed certificate", 30, "tls-untrusted", "--trust-cert")]
    [InlineData("untrusted: name mismatch", 30, "tls-name-mismatch", "CN=mail.example.test")]
    [InlineData("untrusted: chain: certificate has expired", -3, "tls-expired", "renew")]
    public void An_untrusted_certificate_is_explained_by_its_reason(string validation, int daysLeft, string code, string fixMentions)
    {
        var tls = new TlsFacts("", "", "CN=mail.example.test", "CN=Test CA", TestTokens.Now.AddDays(daysLeft), validation, Trusted: false);

        var finding = Assert.Single(Diagnose(Failed(TraceStage.Tls, "The remote certificate was rejected.") with { Tls = tls }));

        Assert.Equal(code, finding.Code);
        Assert.Contains(validation, finding.Evidence);
        Assert.Contains(fixMentions, finding.Fix);
    }

    [Fact]
    public void A_trusted_certificate_and_a_working_login_give_no_finding()
    {
        var tls = new TlsFacts("Tls13", "x", "CN=a", "CN=b", TestTokens.Now.AddDays(30), "valid (system trust)", Trusted: true);
        var probe = new MailProbeResult(MailProtocol.Imap, true, "A3 OK done", null, tls, null, null, []);

        Assert.Empty(Diagnose(probe));
    }

    [Fact]
    public void A_refused_login_with_no_other_explanation_still_gets_a_finding()
    {
        var probe = new MailProbeResult(MailProtocol.Imap, false, "A3 OK but not really", null, null, null, null, []);

        var finding = Assert.Single(Diagnose(probe));

        Assert.Equal("login-failed", finding.Code);
        Assert.Equal("A3 OK but not really", finding.Evidence);
    }

    [Fact]
    public void An_explained_refusal_gets_no_generic_login_finding()
    {
        var challenge = Convert.ToBase64String("""{"status":"invalid_token"}"""u8);
        var probe = new MailProbeResult(MailProtocol.Imap, false, "A3 NO failed", SaslErrorChallenge.FromBase64(challenge), null, null, null, []);

        var findings =
            Diagnostician.Diagnose(
                new DiagnosisFacts(TestTokens.Now, Protocol: MailProtocol.Imap, ServerAnswers: ["+ " + challenge, "A3 NO failed"], Probe: probe));

        Assert.Contains(findings, f => f.Code == "sasl-invalid-token");
        Assert.DoesNotContain(findings, f => f.Code == "login-failed");
    }

    [Fact]
    public void Facts_without_a_probe_give_no_connection_findings()
    {
        Assert.Empty(Diagnostician.Diagnose(new DiagnosisFacts(TestTokens.Now)));
    }

    private static IReadOnlyList<Finding> Diagnose(MailProbeResult probe) =>
        Diagnostician.Diagnose(new DiagnosisFacts(TestTokens.Now, Protocol: MailProtocol.Imap, Probe: probe));

    private static MailProbeResult Failed(TraceStage stage, string failure) =>
        new(MailProtocol.Imap, false, null, null, null, stage, failure, []);
}
