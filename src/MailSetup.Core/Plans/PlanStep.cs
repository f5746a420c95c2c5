namespace MailSetup.Core.Plans;

/// <summary>What a step does to the tenant; reads and verifications change nothing.</summary>
public enum StepAction
{
    Read,
    Create,
    Change,
    Connect,
    Generate,
    Verify,
}

/// <summary>Where a step runs.</summary>
public enum StepTarget
{
    Graph,
    Exchange,
    Local,
}

/// <summary>
/// One step of a plan: what it does, why it is needed, which references it consumes and produces.
/// Subtypes hold how to run it.
/// </summary>
public abstract record PlanStep
{
    /// <summary>Stable id within a plan (<c>create-app</c>, <c>fullaccess-support@contoso.com</c>).</summary>
    public required string Key { get; init; }
    public required string Title { get; init; }
    public required string Why { get; init; }
    public required StepAction Action { get; init; }
    public IReadOnlyList<Reference> Consumes { get; init; } = [];
    public IReadOnlyList<Reference> Produces { get; init; } = [];
    public abstract StepTarget Target { get; }

    /// <summary>
    /// The one mailbox a per-mailbox step is about. Such steps depend only on what came before
    /// them, never on each other, so a runner may do many at once.
    /// </summary>
    public string? Mailbox { get; init; }
}
