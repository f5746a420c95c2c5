namespace MailSetup.Testing;

/// <summary>
/// The one fake clock of the tests: its date is where the test puts it and moves only by
/// <see cref="Advance"/>. Its stopwatch (timestamps, elapsed times) runs on real time, as timers
/// do, unless <c>manualTimestamps</c> makes it move only with <see cref="Advance"/> too (for
/// tests of pacing, which must not depend on how fast the machine is).
/// </summary>
public sealed class TestClock(DateTimeOffset start, bool manualTimestamps = false) : TimeProvider
{
    /// <summary>The date snapshots are made with.</summary>
    public static DateTimeOffset SnapshotDate { get; } = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private TimeSpan _advanced;

    /// <summary>A new clock standing at <see cref="SnapshotDate"/>, for byte-stable plans.</summary>
    public static TestClock Default => new(SnapshotDate);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return start + _advanced;
    }

    public override long TimestampFrequency => manualTimestamps ? TimeSpan.TicksPerSecond : base.TimestampFrequency;

    public override long GetTimestamp()
    {
        if (!manualTimestamps) return base.GetTimestamp();
        lock (_gate) return _advanced.Ticks;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _advanced += by;
    }
}
