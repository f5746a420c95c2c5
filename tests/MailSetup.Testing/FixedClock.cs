namespace MailSetup.Testing;

/// <summary>A clock that always says the same time, for byte-stable plans.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>The date snapshots are made with.</summary>
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 21, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
