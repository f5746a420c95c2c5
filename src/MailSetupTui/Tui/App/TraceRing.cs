using MailSetup.Core.Mail.Tracing;

namespace MailSetupTui.Tui.App;

/// <summary>
/// The trace ring as the view reads it: lines numbered from 0 in the order they came, the newest
/// held ones only, nothing to add or remove. The state never holds lines, only how many came
/// (<see cref="TraceWindow"/>); the loop owns the ring and hands the view this read-only face.
/// </summary>
public interface IReadOnlyTraceRing
{
    /// <summary>The number of the oldest line still held (lines before it were evicted).</summary>
    long Oldest { get; }

    /// <summary>Lines ever added, so the number the next one gets; a change counter too.</summary>
    long Version { get; }

    /// <summary>Line <paramref name="number"/>, its text copied out (for the rows on screen, not for scanning).</summary>
    TraceLine Line(long number);

    /// <summary>Where line <paramref name="number"/> comes from, read in place.</summary>
    TraceOrigin OriginAt(long number);

    /// <summary>Whether line <paramref name="number"/> as shown contains <paramref name="search"/> (ignoring case), read in place.</summary>
    bool Contains(long number, string search);
}

/// <summary>
/// The diagnostics trace: the newest lines, at most <see cref="Capacity"/> of them and
/// <see cref="TextCapacity"/> characters in all, so a million streamed lines keep memory flat.
/// Each line's parts (origin, direction, stage, offset) sit in its slot; its text is copied into
/// one character buffer instead of keeping each line's string: a kept string lives long enough to
/// be promoted and then dies in the old generation, and a fast stream of those grows the process
/// by tens of megabytes between full collections. Copied, every incoming string dies young.
/// Mutable on purpose (copying it per message would cost O(n) per line): only the UI loop writes
/// it, and the state counts what it took (<see cref="TraceWindow"/>).
/// </summary>
public sealed class TraceRing : IReadOnlyTraceRing
{
    /// <summary>Longer texts are cut here (with an ellipsis): the pane is never that wide, and one line must not evict thousands.</summary>
    public const int MaxLineLength = 4_096;

    /// <summary>
    /// A diagnostics run writes tens of lines per protocol, so 25,000 lines is hundreds of runs of
    /// scroll-back; 2 million characters (4 MB, about 80 per line) bound what a flood can cost.
    /// </summary>
    public const int DefaultCapacity = 25_000;

    public const int DefaultTextCapacity = 2_000_000;

    // A line without a stage (a token step) stores this in place of one.
    private const byte NoStage = byte.MaxValue;

    private readonly Slot[] _slots;
    private char[]? _text;
    private long _first;
    private long _total;

    // Where the next line's text goes, counted over the buffer's whole history: a line starting at
    // v sits at v % TextCapacity, and it is intact while the newest line ends within TextCapacity of v.
    private long _write;

    public TraceRing(int capacity = DefaultCapacity, int textCapacity = DefaultTextCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(textCapacity, MaxLineLength);
        _slots = new Slot[capacity];
        TextCapacity = textCapacity;
    }

    public int Capacity => _slots.Length;

    public int TextCapacity { get; }

    /// <summary>Lines held now (at most <see cref="Capacity"/>).</summary>
    public int Count => (int)(_total - _first);

    public long Oldest => _first;

    public long Version => _total;

    public void Add(TraceLine line)
    {
        var text = line.Text.Length <= MaxLineLength ? line.Text.AsSpan() : line.Text.AsSpan(0, MaxLineLength);
        // The buffer is taken on the first line: an idle UI never holds it.
        _text ??= new char[TextCapacity];
        // Each line is contiguous: one that does not fit before the end starts again at 0.
        var start = _write % TextCapacity + text.Length <= TextCapacity ? _write : (_write / TextCapacity + 1) * TextCapacity;
        var end = start + text.Length;
        while (Count > 0 && (Count == _slots.Length || _slots[_first % _slots.Length].Start < end - TextCapacity)) _first++;

        var at = (int)(start % TextCapacity);
        text.CopyTo(_text.AsSpan(at));
        if (line.Text.Length > MaxLineLength) _text[at + text.Length - 1] = '…';
        _slots[_total++ % _slots.Length] =
            new Slot(start, line.Offset.Ticks, text.Length, line.Origin, (byte)line.Direction, line.Stage is { } stage ? (byte)stage : NoStage);
        _write = end;
    }

    /// <summary>The i-th held line, oldest first (for tests and benchmarks; the view reads by number).</summary>
    public TraceLine this[int index] => index < 0 || index >= Count ? throw new ArgumentOutOfRangeException(nameof(index)) : Line(_first + index);

    public TraceLine Line(long number)
    {
        var slot = At(number);
        return new TraceLine(slot.Origin, (TraceDirection)slot.Direction, Stage(slot), TimeSpan.FromTicks(slot.Offset), Text(slot).ToString());
    }

    public TraceOrigin OriginAt(long number) => At(number).Origin;

    public bool Contains(long number, string search)
    {
        var slot = At(number);
        return TraceLine.ShownContains(Stage(slot), (TraceDirection)slot.Direction, TimeSpan.FromTicks(slot.Offset), Text(slot), search);
    }

    private ReadOnlySpan<char> Text(Slot slot) => _text.AsSpan((int)(slot.Start % TextCapacity), slot.Length);

    private static TraceStage? Stage(Slot slot) => slot.Stage == NoStage ? null : (TraceStage)slot.Stage;

    private Slot At(long number) => number < _first || number >= _total
        ? throw new ArgumentOutOfRangeException(nameof(number))
        : _slots[number % _slots.Length];

    // 24 bytes a line: the text's place in the buffer and the line's parts.
    private readonly record struct Slot(long Start, long Offset, int Length, TraceOrigin Origin, byte Direction, byte Stage);
}
