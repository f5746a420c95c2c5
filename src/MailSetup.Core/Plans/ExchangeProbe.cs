using MailSetup.Core.Exchange;

namespace MailSetup.Core.Plans;

/// <summary>
/// How to ask Exchange whether a create cmdlet's result exists already, so a re-run changes nothing:
/// a Get- cmdlet whose results, after <see cref="Filters"/>, are the existing objects. Values may
/// hold <c>{references}</c>.
/// </summary>
public sealed record ExchangeProbe(Cmdlet Query, IReadOnlyList<ExchangeProbeFilter> Filters);

/// <summary>An output property compared, as text ignoring case, with a value.</summary>
public sealed record ExchangeProbeFilter(string Property, string Value, ProbeComparison Comparison);

public enum ProbeComparison
{
    Equals,

    /// <summary>For lists shown as text, such as <c>AccessRights</c> holding FullAccess among others.</summary>
    Contains,

    /// <summary>Text that begins with the value, such as a credential named <c>mailsetup 2026-11-21</c> by any earlier run.</summary>
    StartsWith,

    /// <summary>A date later than the value (an ISO timestamp), such as a credential's <c>endDateTime</c>.</summary>
    After,
}

/// <summary>
/// How to take back what a create step made, for rollback. Text may hold <c>{references}</c> and
/// <c>{result.Property}</c>, the value of a property of what the step created. Graph undos are a
/// method, a URL relative to the Graph base and an optional JSON body; Exchange undos a cmdlet.
/// </summary>
public sealed record StepUndo(string? GraphMethod = null, string? GraphPath = null, string? GraphBody = null, Cmdlet? Cmdlet = null)
{
    public static StepUndo Graph(string method, string path, string? body = null) => new(method, path, body);

    public static StepUndo Exchange(Cmdlet cmdlet) => new(Cmdlet: cmdlet);

    /// <summary>A placeholder for a property of the created object.</summary>
    public static string Result(string property) => "{result." + property + "}";
}
