using MailSetup.Core.Mail.Tracing;

namespace MailSetupTui.Cli;

/// <summary>
/// Streams each trace event to the output as one line the moment it happens, so a hanging server is
/// visible while it hangs. The text is already redacted by the trace.
/// </summary>
internal sealed class DiagnoseTraceWriter(TextWriter output) : ITraceSink
{
    public void OnEvent(TraceEvent traceEvent)
    {
        output.WriteLine(TraceExport.Line(traceEvent));
        output.Flush();
    }
}
