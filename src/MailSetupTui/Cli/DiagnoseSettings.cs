using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Sasl;

namespace MailSetupTui.Cli;

/// <summary>The checked values of one <c>mailsetup diagnose</c> run (the token is read separately: it may come from stdin).</summary>
internal sealed record DiagnoseSettings(
    IReadOnlyList<DiagnoseTarget> Targets,
    string Mailbox,
    SaslMechanismKind Mechanism,
    string TokenSource,
    Cloud Cloud,
    X509Certificate2Collection TrustedCertificates,
    string? TraceOut,
    bool Json)
{
    public string MechanismName => Mechanism == SaslMechanismKind.XOAuth2 ? "xoauth2" : "oauthbearer";

    public static IReadOnlyList<MailProtocol> ProtocolsOf(string word) =>
        word == "all" ? [MailProtocol.Imap, MailProtocol.Pop, MailProtocol.Smtp] : [Enum.Parse<MailProtocol>(word, ignoreCase: true)];
}
