namespace MailSetup.Core.Mail.Tracing;

/// <summary>
/// Receives trace events as they happen, in order, on the probe's own flow (not posted to a context as
/// <see cref="Progress{T}"/> would, which could reorder them). Must be quick; a UI posts them to its own queue.
/// </summary>
public interface ITraceSink
{
    void OnEvent(TraceEvent traceEvent);
}
