using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>Posts each (already redacted) trace event to the UI loop as it happens, tagged with its protocol.</summary>
internal sealed class TuiTraceSink(string protocol, Action<Msg> post) : ITraceSink
{
    public void OnEvent(TraceEvent traceEvent) => post(new TraceMsg(new TraceLine(protocol, TraceExport.Line(traceEvent))));
}
