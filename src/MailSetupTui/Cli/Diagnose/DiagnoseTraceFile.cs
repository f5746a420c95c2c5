using MailSetup.App.Diagnosis;
using System.Text;
using System.Text.Json.Nodes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetupTui.Cli;

/// <summary>The <c>--trace-out</c> file: every protocol's redacted trace, as text or (for a .json name) JSON keyed by protocol.</summary>
internal static class DiagnoseTraceFile
{
    public static string Render(IReadOnlyList<DiagnosisRun> runs, string path)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            var json = new JsonObject();
            foreach (var run in runs) json[run.Name] = JsonNode.Parse(TraceExport.ToJson(run.Result.Trace));
            return json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        }
        var text = new StringBuilder();
        foreach (var run in runs) text.Append("# ").AppendLine(run.Name).Append(TraceExport.ToText(run.Result.Trace));
        return text.ToString();
    }
}
