using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Diagnosis;

/// <summary>The server's name did not resolve: nothing else about the login can be judged yet.</summary>
public sealed class DnsFailureRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Probe is not { Succeeded: false, FailedStage: TraceStage.Dns } probe) yield break;
        yield return new Finding("connect-dns", FindingSeverity.Error, probe.Failure ?? "the lookup failed",
            "The server's host name could not be resolved: a typo in the host, a cloud other than the tenant's, or no working DNS on this machine.",
            $"Check the host (Exchange Online: {facts.CloudOrGlobal.Exchange.Name} for IMAP/POP, {facts.CloudOrGlobal.Smtp.Name} for SMTP) " +
            "and try 'getent hosts <host>' on this machine.");
    }
}
