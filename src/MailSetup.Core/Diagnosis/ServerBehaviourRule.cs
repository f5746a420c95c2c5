using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// A probe that broke off because of how the server behaved, not because of what it answered: it broke the
/// protocol, went silent, hung up, or spoke no TLS. Connect and lookup failures have their own rules.
/// </summary>
public sealed class ServerBehaviourRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Probe is not { Succeeded: false, FailureKind: { } kind, FailedStage: { } stage } probe) yield break;
        if (stage is TraceStage.Dns or TraceStage.Connect) yield break;
        var where = stage.ToString().ToLowerInvariant();
        var evidence = $"failed at {where}: {probe.Failure}";
        var protocol = probe.Protocol.ToString().ToUpperInvariant();
        switch (kind)
        {
            case MailFailureKind.ProtocolViolation:
                yield return new Finding("server-protocol-violation", FindingSeverity.Error, evidence,
                    $"The server broke the {protocol} protocol at the {where} stage: {probe.Failure} A working mail server does not do this: " +
                    "something other than the mail service answers on this host and port (a proxy, another service, a wrong --tls mode), " +
                    "or the server is broken.",
                    "Check --host, --port and --tls; look at who answers with 'openssl s_client -connect <host>:<port>' (add -starttls for " +
                    "STARTTLS); " +
                    "send the trace to the server's administrator.");
                break;
            case MailFailureKind.Timeout:
                yield return new Finding("server-timeout", FindingSeverity.Error, evidence,
                    $"The server stopped answering (or answered too slowly) at the {where} stage. " +
                    "Usual causes: a firewall or proxy that lets the connection open but holds the data, " +
                    "a wrong --tls mode (each side waiting for the other), or an overloaded server.",
                    "Check --tls against the port (IMAP 993 implicit, POP 995 implicit, SMTP 587 starttls); " +
                    "try again later or from another network.");
                break;
            case MailFailureKind.ConnectionClosed:
                yield return new Finding("server-closed-connection", FindingSeverity.Error, evidence,
                    $"The server hung up at the {where} stage before the dialogue was over: it limits connections from this address, " +
                    "it drops clients it does not like " +
                    "(a blocked IP or country, too many failed logins), or something in between cut the connection.",
                    "Try again in a few minutes; if it repeats, check the server's log, or whether this address is blocked.");
                break;
            case MailFailureKind.StartTlsRefused:
                yield return new Finding("tls-starttls-refused", FindingSeverity.Error, evidence,
                    $"The server refused to start TLS ({probe.Failure}), so no login was tried and no token was sent: a TLS problem, not a " +
                    "token one. The server has TLS off or misconfigured (no certificate), the port is not the one for STARTTLS, or something in " +
                    "between strips STARTTLS.",
                    "Check --tls and --port (SMTP 587 starttls, IMAP 993 and POP 995 implicit: --tls implicit); ask the server's administrator " +
                    "to enable TLS; never fall back to a login without TLS.");
                break;
            case MailFailureKind.Tls when probe.Tls is not { CertificateSubject.Length: > 0 }:
                yield return new Finding("tls-handshake-failed", FindingSeverity.Error, evidence,
                    "The TLS handshake failed before any certificate was seen: the port does not speak TLS (a plain-text or STARTTLS port used " +
                    "with --tls implicit), " +
                    "or something in between does not let TLS through.",
                    "Check --tls against the port (IMAP 993 and POP 995 implicit, SMTP 587 starttls, 143/110 starttls).");
                break;
        }
    }
}
