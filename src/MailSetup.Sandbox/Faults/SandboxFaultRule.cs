namespace MailSetup.Sandbox.Faults;

/// <summary>One rule: which requests, what goes wrong, on which of them. Counts are read live.</summary>
public sealed class SandboxFaultRule(FaultMatch match, SandboxFault fault, FaultOccurrences when)
{
    private int _matched;
    private int _fired;

    public FaultMatch Match { get; } = match;
    public SandboxFault Fault { get; } = fault;
    public FaultOccurrences When { get; } = when;

    /// <summary>Matching calls seen since the rule was added.</summary>
    public int Matched => Volatile.Read(ref _matched);

    /// <summary>Calls the fault was injected into.</summary>
    public int Fired => Volatile.Read(ref _fired);

    /// <summary>Counts a matching call; true when this one gets the fault. Callers hold the rules' lock.</summary>
    internal bool Count()
    {
        var ordinal = Interlocked.Increment(ref _matched);
        if (!When.Includes(ordinal)) return false;
        Interlocked.Increment(ref _fired);
        return true;
    }

    public override string ToString() => $"{Fault.Kind} on {Match}, {When}";
}
