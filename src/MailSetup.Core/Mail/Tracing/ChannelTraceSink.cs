using System.Threading.Channels;

namespace MailSetup.Core.Mail.Tracing;

/// <summary>Streams events into an unbounded channel, for a consumer on another thread (a UI loop, a file writer).</summary>
public sealed class ChannelTraceSink : ITraceSink
{
    private readonly Channel<TraceEvent> _channel = Channel.CreateUnbounded<TraceEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<TraceEvent> Reader => _channel.Reader;

    public void OnEvent(TraceEvent traceEvent) => _channel.Writer.TryWrite(traceEvent);

    /// <summary>Tells the reader no more events will come.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
