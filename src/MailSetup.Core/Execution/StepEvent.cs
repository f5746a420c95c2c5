using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>Progress of a run, reported as it happens. Never carries a secret.</summary>
public abstract record StepEvent(int Number, int Total, PlanStep Step)
{
    public sealed record Started(int Number, int Total, PlanStep Step) : StepEvent(Number, Total, Step);

    public sealed record Retrying(int Number, int Total, PlanStep Step, int Attempt, TimeSpan Delay, string Reason) : StepEvent(Number, Total, Step);

    public sealed record Finished(int Number, int Total, PlanStep Step, StepOutcome Outcome, TimeSpan Elapsed,
        string? Detail) : StepEvent(Number, Total, Step);
}
