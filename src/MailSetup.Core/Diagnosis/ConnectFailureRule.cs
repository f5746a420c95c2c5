using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// The TCP connection was refused or timed out. The two have different causes (nothing listening versus
/// a firewall dropping packets), so they get different codes.
/// </summary>
public sealed class ConnectFailureRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Probe is not { Succeeded: false, FailedStage: TraceStage.Connect } probe) yield break;
        var evidence = probe.Failure ?? "the connection failed";
        // The connection layer words a timeout as "took longer"; the socket's own errors carry "timed out".
        var timedOut = evidence.Contains("took longer", StringComparison.OrdinalIgnoreCase)
            || evidence.Contains("timed out", StringComparison.OrdinalIgnoreCase);
        yield return timedOut
            ? new Finding("connect-timeout", FindingSeverity.Error, evidence,
                "No answer to the connection attempt: a firewall or proxy drops outgoing mail ports (993, 995, 587 are often blocked), " +
                "or the host is wrong.",
                "Allow outgoing TCP to the host and port (ask the network admin), or test from another network with 'nc -vz <host> <port>'.")
            : new Finding("connect-refused", FindingSeverity.Error, evidence,
                "The host answered but nothing accepts connections on that port: a wrong port, or the service is not running there.",
                "Check --port and --tls (IMAP 993 implicit, POP 995 implicit, SMTP 587 starttls) and that the server listens on it.");
    }
}
