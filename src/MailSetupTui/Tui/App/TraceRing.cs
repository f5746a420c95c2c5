namespace MailSetupTui.Tui.App;

/// <summary>One line of the diagnostics trace as the pane shows it: which protocol, and the redacted text.</summary>
public readonly record struct TraceLine(string Protocol, string Text);

/// <summary>
/// The diagnostics trace: the newest <see cref="Capacity"/> lines in a ring, so a million streamed
/// lines keep memory flat. Mutable on purpose (copying it per message would cost O(n) per line);
/// only the UI loop's update writes it, and <see cref="Version"/> tells views what changed.
/// </summary>
public sealed class TraceRing(int capacity = 50_000)
{
    private readonly TraceLine[] _lines = new TraceLine[capacity];
    private long _total;

    public int Capacity => _lines.Length;

    /// <summary>Lines held now (at most <see cref="Capacity"/>).</summary>
    public int Count => (int)Math.Min(_total, _lines.Length);

    /// <summary>Lines ever added; grows with each line, so it doubles as a change counter.</summary>
    public long Version => _total;

    public void Add(TraceLine line) => _lines[_total++ % _lines.Length] = line;

    public void Clear() => _total = 0;

    /// <summary>The i-th held line, oldest first.</summary>
    public TraceLine this[int index] => index < 0 || index >= Count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : _lines[(_total - Count + index) % _lines.Length];
}
