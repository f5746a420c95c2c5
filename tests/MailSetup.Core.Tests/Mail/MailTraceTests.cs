using System.Text.Json;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

public sealed class MailTraceTests
{
    private sealed class ListSink : ITraceSink
    {
        public List<TraceEvent> Events { get; } = [];
        public void OnEvent(TraceEvent traceEvent) => Events.Add(traceEvent);
    }

    [Fact]
    public void Events_reach_the_sink_as_they_happen_numbered_in_order()
    {
        var sink = new ListSink();
        var trace = new MailTrace(sink: sink);

        trace.Info(TraceStage.Connect, "connected");
        Assert.Single(sink.Events);
        trace.Server(TraceStage.Greeting, "* OK ready");
        trace.Client(TraceStage.Auth, "A1 AUTHENTICATE XOAUTH2 <redacted>");

        Assert.Equal([1, 2, 3], sink.Events.Select(e => e.Sequence));
        Assert.Equal(trace.Events, sink.Events);
        Assert.True(sink.Events[0].Offset <= sink.Events[2].Offset);
    }

    [Fact]
    public void Text_export_has_one_line_per_event_with_offset_stage_and_direction()
    {
        var events = new[]
        {
            new TraceEvent(1, TraceStage.Greeting, TraceDirection.Server, TimeSpan.FromMilliseconds(12), "* OK ready"),
            new TraceEvent(2, TraceStage.Auth, TraceDirection.Client, TimeSpan.FromMilliseconds(1500), "A1 LOGOUT"),
            new TraceEvent(3, TraceStage.Tls, TraceDirection.Info, TimeSpan.Zero, "TLS Tls13"),
        };

        Assert.Equal(
            "+0.012s greeting S: * OK ready\n+1.500s auth     C: A1 LOGOUT\n+0.000s tls      -- TLS Tls13\n",
            TraceExport.ToText(events));
    }

    [Fact]
    public void A_line_from_its_parts_is_the_export_line_for_every_stage_direction_and_offset()
    {
        double[] seconds = [0, 0.0004, 0.012, 1.5, 59.9995, 3_600.25, 1_000_000.123];
        Span<char> head = stackalloc char[TraceExport.MaxHeadLength];
        foreach (var stage in Enum.GetValues<TraceStage>())
            foreach (var direction in Enum.GetValues<TraceDirection>())
                foreach (var offset in seconds.Select(TimeSpan.FromSeconds))
                {
                    var e = new TraceEvent(1, stage, direction, offset, "A1 [x] text");
                    // The format the export has always written, spelled out.
                    var arrow = direction switch { TraceDirection.Client => "C:", TraceDirection.Server => "S:", _ => "--" };
                    var expected =
                        $"+{offset.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}s {stage.ToString()
                            .ToLowerInvariant(),-8} {arrow} A1 [x] text";

                    Assert.Equal(expected, TraceExport.Line(e));
                    Assert.Equal(expected, TraceExport.Line(stage, direction, offset, e.Text));
                    Assert.Equal(expected[..^e.Text.Length], head[..TraceExport.WriteHead(head, stage, direction, offset)].ToString());
                }
    }

    [Fact]
    public void Json_export_names_stages_and_directions_as_words()
    {
        var json =
            TraceExport.ToJson(
                [new TraceEvent(1, TraceStage.Auth, TraceDirection.Server, TimeSpan.FromMilliseconds(2.5), "535 5.7.8 Authentication failed.")]);

        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        Assert.Equal(1, first.GetProperty("sequence").GetInt32());
        Assert.Equal("auth", first.GetProperty("stage").GetString());
        Assert.Equal("server", first.GetProperty("direction").GetString());
        Assert.Equal(2.5, first.GetProperty("offsetMs").GetDouble());
        Assert.Equal("535 5.7.8 Authentication failed.", first.GetProperty("text").GetString());
    }

    [Fact]
    public void Stage_timings_add_up_the_time_until_the_next_event()
    {
        var timings = StageTimings.From(
        [
            new TraceEvent(1, TraceStage.Connect, TraceDirection.Info, TimeSpan.FromMilliseconds(0), "a"),
            new TraceEvent(2, TraceStage.Tls, TraceDirection.Info, TimeSpan.FromMilliseconds(10), "b"),
            new TraceEvent(3, TraceStage.Greeting, TraceDirection.Server, TimeSpan.FromMilliseconds(40), "c"),
            new TraceEvent(4, TraceStage.Greeting, TraceDirection.Server, TimeSpan.FromMilliseconds(45), "d"),
        ]);

        Assert.Equal(TimeSpan.FromMilliseconds(10), timings[TraceStage.Connect]);
        Assert.Equal(TimeSpan.FromMilliseconds(30), timings[TraceStage.Tls]);
        Assert.Equal(TimeSpan.FromMilliseconds(5), timings[TraceStage.Greeting]);
    }
}
