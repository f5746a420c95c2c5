namespace MailSetup.Core.Plans;

/// <summary>Work done on the admin's machine, such as making a key pair; nothing leaves it but the public part.</summary>
public sealed record LocalStep : PlanStep
{
    public override StepTarget Target => StepTarget.Local;

    /// <summary>Named settings of the work (<c>subject</c>, <c>validityDays</c>), in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];
}
