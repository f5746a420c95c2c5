using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>Diagnoses a probe result the way <c>mailsetup diagnose</c> does: the server's auth lines plus the final answer.</summary>
internal static class ProbeDiagnosis
{
    public static IReadOnlyList<Finding> Diagnose(MailProbeResult result, string mailbox = "user@contoso.com", string? servicePrincipal = null)
    {
        var answers = result.Trace.Where(e => e.Direction == TraceDirection.Server && e.Stage == TraceStage.Auth).Select(e => e.Text).ToList();
        if (result.FinalAnswer is { } final && !answers.Contains(final)) answers.Add(final);
        var protocol = result.Protocol;
        return new Diagnostician().Diagnose(new DiagnosisFacts(DateTimeOffset.UtcNow, Mailbox: mailbox, ServicePrincipalObjectId: servicePrincipal,
            Protocol: protocol, ServerAnswers: answers, Probe: result));
    }
}
