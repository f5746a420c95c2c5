using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>One step's result.</summary>
public sealed record StepResult(int Number, PlanStep Step, StepOutcome Outcome, TimeSpan Elapsed, string? Detail);

/// <summary>What a run did, step by step. It never holds a secret's value.</summary>
public sealed record ApplyResult(IReadOnlyList<StepResult> Steps, IReadOnlyDictionary<string, string> Values)
{
    public int Changed => Steps.Count(s => s.Outcome == StepOutcome.Changed);
    public int Unchanged => Steps.Count(s => s.Outcome is StepOutcome.Unchanged or StepOutcome.Read or StepOutcome.Resumed);
    public int Failed => Steps.Count(s => s.Outcome == StepOutcome.Failed);
    public bool Succeeded => Failed == 0 && Steps.Count > 0;

    /// <summary>When the plan's client secret existed already (none was made): the day it was made (MinValue when the tenant did not say).</summary>
    public DateTimeOffset? ExistingSecretMade { get; init; }

    /// <summary>Whether a new client secret was made and handed to the secret sink.</summary>
    public bool NewSecretMade { get; init; }

    /// <summary>Secrets an earlier run of this journal made and never saved, removed before this run went on.</summary>
    public int UnsavedSecretsRemoved { get; init; }
}
