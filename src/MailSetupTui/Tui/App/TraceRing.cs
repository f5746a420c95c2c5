namespace MailSetupTui.Tui.App;

/// <summary>One line of the diagnostics trace as the pane shows it: which protocol, and the redacted text.</summary>
public readonly record struct TraceLine(string Protocol, string Text);

/// <summary>
/// The diagnostics trace: the newest lines, at most <see cref="Capacity"/> of them and
/// <see cref="TextCapacity"/> characters in all, so a million streamed lines keep memory flat.
/// The text is copied into one character buffer instead of keeping each line's string: a kept
/// string lives long enough to be promoted and then dies in the old generation, and a fast stream
/// of those grows the process by tens of megabytes between full collections. Copied, every
/// incoming string dies young. Mutable on purpose (copying it per message would cost O(n) per
/// line); only the UI loop's update writes it, and <see cref="Version"/> tells views what changed.
/// </summary>
public sealed class TraceRing
{
    /// <summary>Longer lines are cut here (with an ellipsis): the pane is never that wide, and one line must not evict thousands.</summary>
    public const int MaxLineLength = 4_096;

    /// <summary>
    /// A diagnostics run writes tens of lines per protocol, so 25,000 lines is hundreds of runs of
    /// scroll-back; 2 million characters (4 MB, about 80 per line) bound what a flood can cost.
    /// </summary>
    public const int DefaultCapacity = 25_000;

    public const int DefaultTextCapacity = 2_000_000;

    private readonly Slot[] _slots;
    private readonly List<string> _protocols = [];
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

    /// <summary>Lines ever added; grows with each line, so it doubles as a change counter.</summary>
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
        _slots[_total++ % _slots.Length] = new Slot(start, text.Length, ProtocolIndex(line.Protocol));
        _write = end;
    }

    public void Clear() => _first = _total;

    /// <summary>The i-th held line, oldest first, as a new string pair (for the rows on screen, not for scanning).</summary>
    public TraceLine this[int index] => new(ProtocolAt(index), TextAt(index).ToString());

    /// <summary>The i-th held line's protocol, oldest first.</summary>
    public string ProtocolAt(int index) => _protocols[At(index).Protocol];

    /// <summary>The i-th held line's text, oldest first, without copying it (valid until the next <see cref="Add"/>).</summary>
    public ReadOnlySpan<char> TextAt(int index)
    {
        var slot = At(index);
        return _text.AsSpan((int)(slot.Start % TextCapacity), slot.Length);
    }

    private Slot At(int index) => index < 0 || index >= Count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : _slots[(_first + index) % _slots.Length];

    private byte ProtocolIndex(string protocol)
    {
        var index = _protocols.IndexOf(protocol);
        if (index >= 0) return (byte)index;
        // The protocols are a handful of names (imap, pop, smtp, token); a byte is plenty.
        if (_protocols.Count == byte.MaxValue) throw new InvalidOperationException("Too many trace protocols.");
        _protocols.Add(protocol);
        return (byte)(_protocols.Count - 1);
    }

    private readonly record struct Slot(long Start, int Length, byte Protocol);
}
