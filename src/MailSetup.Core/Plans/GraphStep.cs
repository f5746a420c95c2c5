using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Plans;

/// <summary>Builds a step's request with the Graph SDK's request builders, from reference values.</summary>
public delegate RequestInformation GraphRequestBuilder(GraphServiceClient graph, ReferenceValues values);

/// <summary>
/// Asks whether a create step's result already exists so a re-run changes nothing: reads
/// <see cref="Request"/>, looks in the JSON array <see cref="Collection"/> of the answer for an
/// item whose properties equal <see cref="Matches"/> (values may hold <c>{references}</c>).
/// A found item is captured as if the step had created it.
/// </summary>
public sealed record GraphProbe(
    GraphRequestBuilder Request,
    string Collection,
    IReadOnlyList<ProbeMatch> Matches,
    GraphRequestPreview Preview);

public sealed record ProbeMatch(string Property, string Value, ProbeComparison Comparison = ProbeComparison.Equals)
{
    /// <summary>
    /// Whether <paramref name="actual"/> (the item's property as text, null when missing) satisfies this match for
    /// <paramref name="wanted"/> (the value with its references filled).
    /// </summary>
    public bool Accepts(string? actual, string wanted) => Comparison switch
    {
        ProbeComparison.StartsWith => actual?.StartsWith(wanted, StringComparison.OrdinalIgnoreCase) == true,
        ProbeComparison.After => DateTimeOffset.TryParse(actual, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            && date > DateTimeOffset.Parse(wanted, System.Globalization.CultureInfo.InvariantCulture),
        ProbeComparison.Contains => actual?.Contains(wanted, StringComparison.OrdinalIgnoreCase) == true,
        _ => string.Equals(actual, wanted, StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>
/// A read that stops the run when its answer's <see cref="Collection"/> holds an item whose
/// <see cref="KeyProperty"/> is not <see cref="OwnKey"/>: an object of the same name that mailsetup
/// did not make (its key is another or none), which it must never take over.
/// </summary>
public sealed record OwnershipCheck(string Collection, string KeyProperty, string OwnKey);

/// <summary>A Microsoft Graph request: built by the SDK, previewed with <c>{references}</c> for people.</summary>
public sealed record GraphStep : PlanStep
{
    public override StepTarget Target => StepTarget.Graph;
    public required GraphRequestBuilder Request { get; init; }
    public required GraphRequestPreview Preview { get; init; }
    public GraphProbe? Probe { get; init; }

    /// <summary>For collection reads: the answer's array whose first item the captures read.</summary>
    public string? ResultCollection { get; init; }

    public IReadOnlyList<ValueCapture> Captures { get; init; } = [];

    /// <summary>For reads that guard a create: objects of the name that are not ours stop the run before any change.</summary>
    public OwnershipCheck? Ownership { get; init; }

    /// <summary>
    /// Top-level list properties of the body that are merged with the object's current lists before
    /// sending: a PATCH replaces whole lists, and an adopted app keeps what it already has.
    /// </summary>
    public IReadOnlyList<string> MergedLists { get; init; } = [];

    /// <summary>For create steps: how rollback takes the result back.</summary>
    public StepUndo? Undo { get; init; }
}
