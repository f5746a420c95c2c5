using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Setup;

namespace MailSetup.Core.Diagnosis;

/// <summary>The facts of one login attempt, the same for every front end (CLI, preflight, terminal UI).</summary>
public static class ProbeFacts
{
    /// <param name="setup">The setup read live, when known: it ranks the causes and fills the fixes' ids in.</param>
    public static DiagnosisFacts From(MailProbeResult result, DateTimeOffset now, string mailbox, Cloud? cloud, JwtClaims? token,
        MailAppSetup? setup = null)
    {
        // The server's side of the login (its answers and the base64 error challenge) is what the answer rules read.
        var answers = result.Trace.Where(e => e.Direction == TraceDirection.Server && e.Stage == TraceStage.Auth).Select(e => e.Text).ToList();
        if (result.FinalAnswer is { } final && !answers.Contains(final)) answers.Add(final);
        var protocol = result.Protocol;
        var facts = setup?.Facts(now, protocol) ?? new DiagnosisFacts(now, Protocol: protocol);
        return facts with { Mailbox = mailbox, Cloud = cloud, ServerAnswers = answers, Token = token, Probe = result };
    }
}
