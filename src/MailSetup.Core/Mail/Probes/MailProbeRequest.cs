using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>What to probe: where, how secured, and who logs in with which token and mechanism.</summary>
public sealed record MailProbeRequest
{
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required TlsMode Tls { get; init; }
    public required string Mailbox { get; init; }
    public required string Token { get; init; }
    public SaslMechanismKind Mechanism { get; init; } = SaslMechanismKind.XOAuth2;
    public MailConnectionOptions Options { get; init; } = new();

    /// <summary>Receives each trace event as it happens.</summary>
    public ITraceSink? TraceSink { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Our name in SMTP EHLO.</summary>
    public string ClientName { get; init; } = "mailsetup.localdomain";

    /// <summary>SMTP only: after a successful AUTH, check the envelope (MAIL FROM, RCPT TO) and optionally send a test message.</summary>
    public SmtpEnvelope? Envelope { get; init; }

    internal void Validate()
    {
        // Values that end up inside protocol lines must not be able to end the line.
        if (ClientName.AsSpan().IndexOfAny("\r\n ") >= 0) throw new ArgumentException("The client name must be one word.", nameof(ClientName));
        Envelope?.Validate();
    }

    internal SaslMechanism CreateMechanism() => SaslMechanism.Create(Mechanism, new SaslCredentials(Mailbox, Token, Host, Port));

    /// <summary>Never prints the token.</summary>
    public override string ToString() => $"MailProbeRequest {{ {Host}:{Port} {Tls} {Mechanism} {Mailbox} }}";
}
