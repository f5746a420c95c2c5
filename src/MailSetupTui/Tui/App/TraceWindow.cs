namespace MailSetupTui.Tui.App;

/// <summary>
/// What the state knows of the trace: numbers, never lines (those stay in the loop's
/// <see cref="TraceRing"/>). The pane shows the lines numbered from <see cref="From"/> (where this
/// run began) to <see cref="Version"/>, of which the ring still holds those from <see cref="Oldest"/>.
/// </summary>
public readonly record struct TraceWindow(long From, long Oldest, long Version)
{
    /// <summary>The first line the pane can show.</summary>
    public long First => Math.Max(From, Oldest);

    /// <summary>Lines the pane can show.</summary>
    public int Count => (int)Math.Max(0, Version - First);

    /// <summary>A new run: the lines so far stay in the ring but leave the pane.</summary>
    public TraceWindow Cleared() => this with { From = Version };

    /// <summary>The ring took a line: it now holds <paramref name="oldest"/> to <paramref name="version"/>.</summary>
    public TraceWindow Took(long oldest, long version) => this with { Oldest = oldest, Version = version };
}
