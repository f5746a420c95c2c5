namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// When to draw the next frame. A key (or resize) is drawn at once; background changes (trace
/// lines, progress) are coalesced to at most one frame per <see cref="MinInterval"/> (~30 a
/// second), so a burst of 1,000 lines a second costs 30 frames, not 1,000.
/// The loop it expects:
/// <code>
/// while (running)
/// {
///     if (pacer.DueIn() is { } due &amp;&amp; due &lt;= TimeSpan.Zero) { Render(); pacer.Rendered(); continue; }
///     var msg = await next message, or a timeout of pacer.DueIn() (none: wait forever);
///     Update(msg); pacer.Invalidate(urgent: msg is a key or a resize);
///     // drain what else is queued (TryRead) before rendering: one frame for the batch
/// }
/// </code>
/// Pure logic over a <see cref="TimeProvider"/>; not thread-safe (the UI loop owns it).
/// </summary>
public sealed class FramePacer(TimeProvider clock, TimeSpan? minInterval = null)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(33);

    private long? _lastRender;
    private bool _pending;
    private bool _urgent;

    public TimeSpan MinInterval { get; } = minInterval ?? DefaultInterval;

    /// <summary>Something changed since the last frame.</summary>
    public bool Pending => _pending;

    /// <summary>The state changed; <paramref name="urgent"/> for what the user did (keys, resize): no waiting.</summary>
    public void Invalidate(bool urgent = false)
    {
        _pending = true;
        _urgent |= urgent;
    }

    /// <summary>Null: nothing to draw. Zero: draw now. Otherwise: draw after this long (wake up for it).</summary>
    public TimeSpan? DueIn()
    {
        if (!_pending) return null;
        if (_urgent || _lastRender is not { } last) return TimeSpan.Zero;
        var elapsed = clock.GetElapsedTime(last);
        return elapsed >= MinInterval ? TimeSpan.Zero : MinInterval - elapsed;
    }

    /// <summary>A frame was drawn: what was pending is on screen.</summary>
    public void Rendered()
    {
        _lastRender = clock.GetTimestamp();
        _pending = false;
        _urgent = false;
    }
}
