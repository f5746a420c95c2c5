using MailSetup.Core.Exchange;

namespace MailSetup.Core.Plans;

/// <summary>An Exchange Online PowerShell cmdlet (ExchangeOnlineManagement v3).</summary>
public sealed record ExchangeStep : PlanStep
{
    public override StepTarget Target => StepTarget.Exchange;
    public required Cmdlet Cmdlet { get; init; }

    /// <summary>Properties of the cmdlet's output that fill references (<c>DistinguishedName</c>).</summary>
    public IReadOnlyList<ValueCapture> Captures { get; init; } = [];

    /// <summary>For create steps: the query that finds the result already there.</summary>
    public ExchangeProbe? Probe { get; init; }

    /// <summary>For create steps: how rollback takes the result back.</summary>
    public StepUndo? Undo { get; init; }
}
