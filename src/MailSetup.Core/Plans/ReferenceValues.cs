namespace MailSetup.Core.Plans;

/// <summary>
/// The values of references when a step's request is built: real values while running, stand-ins
/// while planning. Builders ask for the type their SDK property needs.
/// </summary>
public sealed class ReferenceValues
{
    private readonly IReadOnlyDictionary<string, string> _values;

    private ReferenceValues(IReadOnlyDictionary<string, string> values) => _values = values;

    /// <summary>Planning: every reference stands in for itself.</summary>
    public static ReferenceValues StandIns { get; } = new(new Dictionary<string, string>());

    /// <summary>Running: captured values by reference name; a missing one is a bug in the plan order.</summary>
    public static ReferenceValues From(IReadOnlyDictionary<string, string> values) => new(values);

    public bool IsPlanning => ReferenceEquals(this, StandIns);

    public string Text(Reference reference) =>
        IsPlanning ? reference.StandIn.ToString() : Require(reference);

    public Guid Guid(Reference reference) =>
        IsPlanning ? reference.StandIn : System.Guid.Parse(Require(reference));

    public byte[] Bytes(Reference reference) =>
        IsPlanning ? reference.StandInBytes : Convert.FromBase64String(Require(reference));

    private string Require(Reference reference) =>
        _values.TryGetValue(reference.Name, out var value)
            ? value
            : throw new InvalidOperationException($"reference {reference.Placeholder} has no value yet; the step that produces it must run first.");
}
