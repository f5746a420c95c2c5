using MailSetup.Core.Display;

namespace MailSetup.Core.Mail.Tracing;

/// <summary>
/// The ordered record of one conversation. Callers pass only redacted text: the trace never sees secrets,
/// so nothing downstream (screen, file, export) can leak them; and every event's text is printable
/// (<see cref="TerminalText"/>), so nothing downstream can be driven by what a server or an error said.
/// </summary>
public sealed class MailTrace
{
    private readonly List<TraceEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly ITraceSink? _sink;
    private readonly List<string> _secrets = [];

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

    /// <summary>
    /// Registers a secret (the token, the SASL payload) that must never appear in an event, not even when a server
    /// echoes it back: every event's text, and every line read through <see cref="Scrub"/>, has it replaced.
    /// </summary>
    public void AddSecret(string secret)
    {
        // Very short strings would blank out ordinary text; no real token is that short.
        if (secret.Length < 4) return;
        lock (_gate)
            if (!_secrets.Contains(secret)) _secrets.Add(secret);
    }

    /// <summary>The text with every registered secret replaced by <c>&lt;redacted&gt;</c>.</summary>
    public string Scrub(string text)
    {
        lock (_gate)
        {
            foreach (var secret in _secrets)
                if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, "<redacted>", StringComparison.Ordinal);
        }
        return text;
    }

    public TraceEvent Add(TraceStage stage, TraceDirection direction, string text)
    {
        TraceEvent traceEvent;
        // Redacted first (a secret is matched as sent), then made printable: every consumer of an event (the
        // screen, a trace file, an export) gets text that cannot drive a terminal. Clean text is not copied.
        text = TerminalText.Escape(Scrub(text), TerminalTextKeep.Tab);
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
