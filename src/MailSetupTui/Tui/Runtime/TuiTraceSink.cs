using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>Posts each (already redacted) trace event to the UI loop as it happens, kept as its parts and tagged with its protocol.</summary>
public sealed class TuiTraceSink(MailProtocol protocol, Action<Msg> post) : ITraceSink
{
    public void OnEvent(TraceEvent traceEvent) => post(new TraceMsg(TraceLine.Mail(protocol, traceEvent)));
}
