namespace MailSetup.Core.Mail.Tracing;

/// <summary>
/// The ordered record of one conversation. Callers pass only redacted text: the trace never sees secrets,
/// so nothing downstream (screen, file, export) can leak them.
/// </summary>
public sealed class MailTrace
{
    private readonly List<TraceEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ITraceSink? _sink;

    public MailTrace(TimeProvider? time = null, ITraceSink? sink = null)
    {
        _time = time ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        _sink = sink;
        StartedAt = _time.GetUtcNow();
    }

    public DateTimeOffset StartedAt { get; }

    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    public IReadOnlyList<TraceEvent> Events
    {
        get { lock (_gate) return _events.ToArray(); }
    }

    public TraceEvent Add(TraceStage stage, TraceDirection direction, string text)
    {
        TraceEvent traceEvent;
        lock (_gate)
        {
            traceEvent = new TraceEvent(_events.Count + 1, stage, direction, Elapsed, text);
            _events.Add(traceEvent);
            // Delivered under the lock so consumers see events exactly in sequence order.
            _sink?.OnEvent(traceEvent);
        }
        return traceEvent;
    }

    public TraceEvent Client(TraceStage stage, string text) => Add(stage, TraceDirection.Client, text);
    public TraceEvent Server(TraceStage stage, string text) => Add(stage, TraceDirection.Server, text);
    public TraceEvent Info(TraceStage stage, string text) => Add(stage, TraceDirection.Info, text);
}
