using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Testing.Dovecot;

namespace MailSetup.Core.Tests.Mail;

public sealed class DovecotSubmissionTests(DovecotClassFixture fixture) : DovecotProbeTests(fixture), IClassFixture<DovecotClassFixture>
{
    protected override MailProbe CreateProbe() => new SmtpProbe();
    protected override int Port(TlsMode tls) => tls == TlsMode.Implicit ? Server.Ports.Submissions : Server.Ports.Submission;
    protected override string SuccessPrefix => "235 2.7.0";
    protected override string FailureAnswer => "535 5.7.8 Authentication failed.";

    [Fact]
    public async Task A_test_message_goes_through_dovecot_to_the_relay_with_its_dots_intact()
    {
        var token = Server.Tokens.Good(DovecotServer.User);
        var marker = Guid.NewGuid().ToString("N");
        var envelope = new SmtpEnvelope
        {
            MailFrom = DovecotServer.User,
            RcptTo = ["one@example.test", "two@example.test"],
            SendTestMessage = true,
            Body = $"marker {marker}\n.a line starting with a dot\n.",
        };

        var result =
            await CreateProbe()
                .RunAsync(Request(TlsMode.StartTls, SaslMechanismKind.XOAuth2, token) with { Envelope = envelope }, CancellationToken.None);

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace) + Server.Log());
        Assert.StartsWith("235 2.7.0", result.FinalAnswer);
        Assert.Contains(result.Trace, e => e.Text.StartsWith("test message accepted: 250", StringComparison.Ordinal));
        var message = Assert.Single(Server.Relay.Messages, m => m.Lines.Contains($"marker {marker}"));
        Assert.Equal(DovecotServer.User, message.MailFrom);
        Assert.Equal(["one@example.test", "two@example.test"], message.RcptTo);
        Assert.Contains("Subject: mailsetup test", message.Lines);
        Assert.Equal([$"marker {marker}", ".a line starting with a dot", "."], message.Lines.TakeLast(3));
        Assert.DoesNotContain(token, string.Join("\n", message.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_without_a_test_message_sends_nothing()
    {
        var before = Server.Relay.Messages.Count;
        var envelope = new SmtpEnvelope { MailFrom = DovecotServer.User, RcptTo = ["one@example.test"] };

        var result =
            await CreateProbe()
                .RunAsync(
                    Request(TlsMode.Implicit, SaslMechanismKind.OAuthBearer, Server.Tokens.Good(DovecotServer.User)) with { Envelope = envelope },
                    CancellationToken.None);

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace) + Server.Log());
        Assert.Contains(result.Trace, e => e.Direction == TraceDirection.Client && e.Text == "RSET");
        Assert.Equal(before, Server.Relay.Messages.Count);
    }
}
