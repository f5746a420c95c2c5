using System.Security.Cryptography.X509Certificates;
using MailSetup.App.Workspaces;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Setup;

namespace MailSetup.App.Diagnosis;

/// <summary>
/// One diagnosis as a front end asks for it: the logins to try (already resolved to the sandbox's
/// servers where there is one), as whom, and what can be known of the app and its setup.
/// </summary>
public sealed record DiagnosisRequest(IReadOnlyList<MailTarget> Targets, string Mailbox, Cloud Cloud)
{
    /// <summary>The mail app's client id, when known (a token file may not say).</summary>
    public string? AppId { get; init; }

    /// <summary>The tenant, as the findings should name it.</summary>
    public string? Tenant { get; init; }

    public SaslMechanismKind Mechanism { get; init; } = SaslMechanismKind.XOAuth2;

    /// <summary>SMTP only: the envelope tried after the login.</summary>
    public SmtpEnvelope? Envelope { get; init; }

    public X509Certificate2Collection TrustedCertificates { get; init; } = [];

    /// <summary>Reads the setup live (the sandbox, or a real tenant with an admin signed in); null: findings go without it.</summary>
    public MailAppSetupReader? SetupReader { get; init; }

    /// <summary>The login at <paramref name="target"/> as this diagnosis makes it: its mailbox, mechanism, trusted certificates and (SMTP)
    /// envelope.</summary>
    public MailProbeRequest Login(MailTarget target, string token, Core.Mail.Tracing.ITraceSink? sink) => new()
    {
        Host = target.Host,
        Port = target.Port,
        Tls = target.Tls,
        Mailbox = Mailbox,
        Token = token,
        Mechanism = Mechanism,
        Options = new Core.Mail.Connection.MailConnectionOptions { TrustedCertificates = TrustedCertificates },
        TraceSink = sink,
        Envelope = target.Protocol == Core.Catalog.MailProtocol.Smtp ? Envelope : null,
    };
}
