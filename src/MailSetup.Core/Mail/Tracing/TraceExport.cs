using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MailSetup.Core.Mail.Tracing;

/// <summary>Writes a finished trace as plain text (one line per event) or JSON.</summary>
public static class TraceExport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string ToText(IEnumerable<TraceEvent> events)
    {
        var text = new StringBuilder();
        foreach (var e in events) text.Append(Line(e)).Append('\n');
        return text.ToString();
    }

    /// <summary>One event as a line: <c>+0.012s greeting S: * OK ready</c>.</summary>
    public static string Line(TraceEvent e)
    {
        var arrow = e.Direction switch { TraceDirection.Client => "C:", TraceDirection.Server => "S:", _ => "--" };
        var offset = e.Offset.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
        return $"+{offset}s {e.Stage.ToString().ToLowerInvariant(),-8} {arrow} {e.Text}";
    }

    public static string ToJson(IEnumerable<TraceEvent> events) =>
        JsonSerializer.Serialize(events.Select(e => new
        {
            e.Sequence,
            e.Stage,
            e.Direction,
            OffsetMs = Math.Round(e.Offset.TotalMilliseconds, 3),
            e.Text,
        }), Json);
}
