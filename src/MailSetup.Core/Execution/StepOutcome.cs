namespace MailSetup.Core.Execution;

/// <summary>What running a step did.</summary>
public enum StepOutcome
{
    /// <summary>The tenant changed: something was created or set.</summary>
    Changed,

    /// <summary>It was already so (the probe found it, or a change would set what is there).</summary>
    Unchanged,

    /// <summary>A read or a check: nothing to change.</summary>
    Read,

    /// <summary>Done by an earlier run, per the journal.</summary>
    Resumed,

    Failed,
}
