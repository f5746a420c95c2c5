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

    /// <summary>The most characters <see cref="WriteHead"/> writes.</summary>
    public const int MaxHeadLength = 48;

    /// <summary>One event as a line: <c>+0.012s greeting S: * OK ready</c>.</summary>
    public static string Line(TraceEvent e) => Line(e.Stage, e.Direction, e.Offset, e.Text);

    /// <summary>The same line from an event's parts, for a consumer that keeps them apart (the terminal UI's trace ring).</summary>
    public static string Line(TraceStage stage, TraceDirection direction, TimeSpan offset, string text)
    {
        Span<char> head = stackalloc char[MaxHeadLength];
        return string.Concat(head[..WriteHead(head, stage, direction, offset)], text);
    }

    /// <summary>
    /// Writes what a line shows before the event's text (<c>+0.012s greeting S: </c>) into
    /// <paramref name="destination"/>, which holds at least <see cref="MaxHeadLength"/> characters, and
    /// returns its length. Nothing is allocated, so a search can scan many lines as they are shown.
    /// </summary>
    public static int WriteHead(Span<char> destination, TraceStage stage, TraceDirection direction, TimeSpan offset)
    {
        destination[0] = '+';
        if (!offset.TotalSeconds.TryFormat(destination[1..], out var written, "0.000", CultureInfo.InvariantCulture))
            throw new ArgumentException("The destination is shorter than MaxHeadLength.", nameof(destination));
        var at = 1 + written;
        destination[at++] = 's';
        destination[at++] = ' ';
        var name = StageName(stage);
        name.CopyTo(destination[at..]);
        at += name.Length;
        for (var pad = name.Length; pad < 8; pad++) destination[at++] = ' ';
        destination[at++] = ' ';
        var arrow = direction switch { TraceDirection.Client => "C:", TraceDirection.Server => "S:", _ => "--" };
        arrow.CopyTo(destination[at..]);
        at += arrow.Length;
        destination[at++] = ' ';
        return at;
    }

    private static string StageName(TraceStage stage) => stage switch
    {
        TraceStage.Dns => "dns",
        TraceStage.Connect => "connect",
        TraceStage.Tls => "tls",
        TraceStage.Greeting => "greeting",
        TraceStage.Auth => "auth",
        TraceStage.Command => "command",
        _ => stage.ToString().ToLowerInvariant(),
    };

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
