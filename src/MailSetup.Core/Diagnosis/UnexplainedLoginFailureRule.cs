using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// A login that failed while no other rule found an error: says so plainly rather than leave the user
/// with nothing. It asks the explaining rules itself because rules are independent of each other.
/// </summary>
public sealed class UnexplainedLoginFailureRule(IReadOnlyList<IDiagnosisRule> explaining) : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Probe is not { Succeeded: false } probe) yield break;
        if (explaining.SelectMany(r => r.Evaluate(facts)).Any(f => f.Severity == FindingSeverity.Error)) yield break;
        yield return new Finding("login-failed", FindingSeverity.Error, Evidence(probe),
            "The login failed and nothing known explains it.",
            "Read the trace above for the last server line; inspect the token (mailsetup token inspect) and check the server's log.");
    }

    private static string Evidence(MailProbeResult probe) =>
        probe.FinalAnswer ?? (probe.FailedStage is { } stage
            ? $"failed at {stage.ToString().ToLowerInvariant()}: {probe.Failure}"
            : probe.Failure ?? "no answer to the login");
}
