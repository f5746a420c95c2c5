using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>One step's result.</summary>
public sealed record StepResult(int Number, PlanStep Step, StepOutcome Outcome, TimeSpan Elapsed, string? Detail);

/// <summary>What a run did, step by step. <see cref="Secret"/> is the new client secret, held only in memory.</summary>
public sealed record ApplyResult(IReadOnlyList<StepResult> Steps, IReadOnlyDictionary<string, string> Values)
{
    public int Changed => Steps.Count(s => s.Outcome == StepOutcome.Changed);
    public int Unchanged => Steps.Count(s => s.Outcome is StepOutcome.Unchanged or StepOutcome.Read or StepOutcome.Resumed);
    public int Failed => Steps.Count(s => s.Outcome == StepOutcome.Failed);
    public bool Succeeded => Failed == 0 && Steps.Count > 0;
}
