using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Tests.Mail;

public sealed class DovecotPop3Tests(DovecotClassFixture fixture) : DovecotProbeTests(fixture), IClassFixture<DovecotClassFixture>
{
    protected override MailProbe CreateProbe() => new Pop3Probe();
    protected override int Port(TlsMode tls) => tls == TlsMode.Implicit ? Server.Ports.Pop3s : Server.Ports.Pop3;
    protected override string SuccessPrefix => "+OK Logged in.";
    protected override string FailureAnswer => "-ERR [AUTH] Authentication failed.";
}
