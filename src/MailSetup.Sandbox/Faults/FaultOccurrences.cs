namespace MailSetup.Sandbox.Faults;

/// <summary>
/// Which of a rule's matching calls get the fault, counted from 1 since the rule was added:
/// every one, some by number, or the next N.
/// </summary>
public sealed class FaultOccurrences
{
    private readonly HashSet<int>? _ordinals;
    private readonly int? _next;

    private FaultOccurrences(HashSet<int>? ordinals, int? next, string text)
    {
        _ordinals = ordinals;
        _next = next;
        Text = text;
    }

    public string Text { get; }

    public static FaultOccurrences Every { get; } = new(null, null, "every call");

    /// <summary>These matching calls, 1-based (e.g. <c>Calls(1, 2)</c>: the first and the second).</summary>
    public static FaultOccurrences Calls(params int[] ordinals)
    {
        if (ordinals.Length == 0 || ordinals.Any(o => o < 1)) throw new ArgumentOutOfRangeException(nameof(ordinals), "call numbers start at 1.");
        return new([.. ordinals], null, "calls " + string.Join(", ", ordinals.Order()));
    }

    /// <summary>The next <paramref name="count"/> matching calls.</summary>
    public static FaultOccurrences Next(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new(null, count, $"next {count} calls");
    }

    internal bool Includes(int ordinal) =>
        _ordinals is not null ? _ordinals.Contains(ordinal) : _next is not { } next || ordinal <= next;

    public override string ToString() => Text;
}
