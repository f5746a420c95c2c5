using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Tests.Mail;

public sealed class DovecotSubmissionTests(DovecotClassFixture fixture) : DovecotProbeTests(fixture), IClassFixture<DovecotClassFixture>
{
    protected override MailProbe CreateProbe() => new SmtpProbe();
    protected override int Port(TlsMode tls) => tls == TlsMode.Implicit ? Server.Ports.Submissions : Server.Ports.Submission;
    protected override string SuccessPrefix => "235 2.7.0";
    protected override string FailureAnswer => "535 5.7.8 Authentication failed.";
}
