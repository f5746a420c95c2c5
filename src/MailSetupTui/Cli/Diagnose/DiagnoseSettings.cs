using MailSetup.App.Workspaces;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Sasl;

namespace MailSetupTui.Cli;

/// <summary>
/// The checked values of one <c>mailsetup diagnose</c> run. The token comes from <see cref="TokenFile"/>
/// (read later: it may be stdin) or is acquired with <see cref="Credential"/>; with the sandbox the
/// targets are its own servers, known only once they run.
/// </summary>
internal sealed record DiagnoseSettings(
    IReadOnlyList<MailTarget> Targets,
    string Mailbox,
    SaslMechanismKind Mechanism,
    string? TokenFile,
    MailCredential? Credential,
    Cloud Cloud,
    X509Certificate2Collection TrustedCertificates,
    string? TraceOut,
    bool Json)
{
    /// <summary>SMTP only: the envelope tried after the login (MAIL FROM, RCPT TO, and a test message if asked).</summary>
    public MailSetup.Core.Mail.Probes.SmtpEnvelope? Envelope { get; init; }

    /// <summary>--force: the trace file may replace an existing file or link.</summary>
    public bool ForceTraceOut { get; init; }

    public string MechanismName => Mechanism == SaslMechanismKind.XOAuth2 ? "xoauth2" : "oauthbearer";

    public bool Sandbox => Credential?.Sandbox == true;

    public IReadOnlyList<MailProtocol> Protocols => Targets.Select(t => t.Protocol).ToList();

    public static IReadOnlyList<MailProtocol> ProtocolsOf(string word) =>
        word == "all" ? [MailProtocol.Imap, MailProtocol.Pop, MailProtocol.Smtp] : [Enum.Parse<MailProtocol>(word, ignoreCase: true)];
}
