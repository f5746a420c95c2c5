namespace MailSetup.Core.Mail.Tracing;

/// <summary>Derives per-stage durations from a trace, so timing needs no separate bookkeeping.</summary>
public static class StageTimings
{
    public static IReadOnlyDictionary<TraceStage, TimeSpan> From(IReadOnlyList<TraceEvent> events)
    {
        var timings = new Dictionary<TraceStage, TimeSpan>();
        for (var i = 0; i < events.Count; i++)
        {
            var next = i + 1 < events.Count ? events[i + 1].Offset : events[i].Offset;
            timings[events[i].Stage] = timings.GetValueOrDefault(events[i].Stage) + (next - events[i].Offset);
        }
        return timings;
    }
}
