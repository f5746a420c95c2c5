using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Tests.Mail;

public sealed class DovecotImapTests(DovecotClassFixture fixture) : DovecotProbeTests(fixture), IClassFixture<DovecotClassFixture>
{
    protected override MailProbe CreateProbe() => new ImapProbe();
    protected override int Port(TlsMode tls) => tls == TlsMode.Implicit ? Server.Ports.Imaps : Server.Ports.Imap;
    protected override string SuccessPrefix => "A";
    protected override string FailureAnswer => "NO [AUTHENTICATIONFAILED] Authentication failed.";

    [Fact]
    public async Task After_login_the_probe_lists_and_examines_the_inbox_then_logs_out()
    {
        var result =
            await CreateProbe()
                .RunAsync(Request(TlsMode.Implicit, Core.Mail.Sasl.SaslMechanismKind.XOAuth2, Server.Tokens.Good(Testing.Dovecot.DovecotServer.User)),
                    CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Matches(@"^A\d+ OK ", result.FinalAnswer);
        Assert.Contains(result.Trace, e => e.Text.EndsWith("EXAMINE INBOX", StringComparison.Ordinal));
        Assert.Contains(result.Trace, e => e.Text.StartsWith("* BYE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_self_signed_certificate_not_given_as_trusted_fails_validation_with_its_facts()
    {
        var request = Request(TlsMode.Implicit, Core.Mail.Sasl.SaslMechanismKind.XOAuth2, Server.Tokens.Good(Testing.Dovecot.DovecotServer.User));
        request = request with { Options = request.Options with { TrustedCertificates = [] } };

        var result = await CreateProbe().RunAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(Core.Mail.Tracing.TraceStage.Tls, result.FailedStage);
        Assert.NotNull(result.Tls);
        Assert.False(result.Tls.Trusted);
        Assert.StartsWith("untrusted: chain", result.Tls.ValidationResult);
        Assert.Equal("CN=localhost", result.Tls.CertificateIssuer);
    }

    [Fact]
    public async Task A_trusted_certificate_for_another_name_still_fails_validation()
    {
        var request = Request(TlsMode.StartTls, Core.Mail.Sasl.SaslMechanismKind.XOAuth2, Server.Tokens.Good(Testing.Dovecot.DovecotServer.User));
        request = request with { Options = request.Options with { TlsServerName = "outlook.office365.com" } };

        var result = await CreateProbe().RunAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(Core.Mail.Tracing.TraceStage.Tls, result.FailedStage);
        Assert.Contains("name mismatch", result.Tls!.ValidationResult);
    }

    [Fact]
    public async Task Trusting_another_self_signed_certificate_does_not_trust_the_servers()
    {
        var other = Testing.Dovecot.SelfSignedCertificate.Create();
        var request = Request(TlsMode.Implicit, Core.Mail.Sasl.SaslMechanismKind.XOAuth2, Server.Tokens.Good(Testing.Dovecot.DovecotServer.User));
        request =
            request with { Options =
                request.Options with { TrustedCertificates =
                    [System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(other.CertificatePem)] } };

        var result = await CreateProbe().RunAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(MailFailureKind.Tls, result.FailureKind);
        Assert.False(result.Tls!.Trusted);
        Assert.StartsWith("untrusted", result.Tls.ValidationResult);
        Assert.Contains(ProbeDiagnosis.Diagnose(result), f => f.Code == "tls-untrusted");
    }

    [Fact]
    public async Task The_servers_own_certificate_given_as_trusted_is_trusted()
    {
        var result =
            await CreateProbe()
                .RunAsync(
                    Request(TlsMode.Implicit, Core.Mail.Sasl.SaslMechanismKind.OAuthBearer, Server.Tokens.Good(Testing.Dovecot.DovecotServer.User)),
                    CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("valid (trusted by the given certificate)", result.Tls!.ValidationResult);
    }
}
