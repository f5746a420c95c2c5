using System.Diagnostics;
using System.Globalization;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Terminal;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.View;

namespace MailSetup.Benchmarks.Tui;

/// <summary>
/// The TUI's pieces driven in this process, as the loop drives them: <see cref="TuiUpdate.Update(TuiState, Msg, TraceRing)"/>
/// for each message (a trace line into the ring beside the state), then <see cref="TuiView"/> → <see cref="SpectreFrameRenderer"/> →
/// <see cref="FrameWriter"/> for a frame. Deterministic byte counts, and the ingest rate and memory
/// without a terminal in the way.
/// </summary>
internal static class InProcessTui
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    public sealed record FrameBytes(bool DetectScroll, int LinesPerFrame, int FullFrame, double MeanPerLine, double MedianPerLine, int MaxFrame);

    public sealed record Ingest(long Lines, double Seconds, long Frames, long RssAfterGc, long PeakWorkingSet, long RssBefore, long HeapAfterGc,
        long HeapBefore)
    {
        public double LinesPerSecond => Lines / Seconds;
    }

    /// <summary>The sandbox UI, signed in, Diagnostics focused, the trace (in <paramref name="trace"/>, as the loop keeps it) already full of lines
    /// (so it scrolls).</summary>
    public static TuiState DiagnosticsState(int width, int height, TraceRing trace, int prefill = 200)
    {
        var state = TuiState.Initial(width, height, true, CloudCatalog.Global, Now);
        state =
            TuiUpdate.Update(state,
                new SignedInMsg("8f2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "contoso.onmicrosoft.com", "admin@contoso.onmicrosoft.com",
                    ["Global Administrator"])).State;
        state = state with { Focus = Pane.Diagnostics };
        for (var i = 0; i < prefill; i++) state = TuiUpdate.Update(state, Line(i), trace).State;
        return state;
    }

    /// <summary>A trace line shaped like a real IMAP FETCH answer (the same shape the synthetic stream sends).</summary>
    public static TraceMsg Line(long n) =>
        new(new TraceLine(TraceOrigin.Imap, TraceDirection.Server, TraceStage.Command, TimeSpan.FromMilliseconds(n),
            string.Create(CultureInfo.InvariantCulture, $"* {n} FETCH (UID {n} FLAGS (\\Seen) RFC822.SIZE 4096)")));

    /// <summary>Bytes of the frame diff when <paramref name="linesPerFrame"/> lines were appended since the last frame.</summary>
    public static FrameBytes BytesPerLine(bool detectScroll, int linesPerFrame, int width = 120, int height = 40, int frames = 200)
    {
        var trace = new TraceRing();
        var state = DiagnosticsState(width, height, trace);
        var composer = new TuiFrameComposer(TerminalOptions.Default);
        using var writer = new FrameWriter(Stream.Null) { DetectScroll = detectScroll };
        writer.Present(composer.Compose(state, trace, width, height));
        var full = writer.LastFrameBytes;
        var next = 1_000_000L;
        var perFrame = new List<int>(frames);
        for (var f = 0; f < frames; f++)
        {
            for (var i = 0; i < linesPerFrame; i++) state = TuiUpdate.Update(state, Line(next++), trace).State;
            writer.Present(composer.Compose(state, trace, width, height));
            perFrame.Add(writer.LastFrameBytes);
        }
        perFrame.Sort();
        return new FrameBytes(detectScroll, linesPerFrame, full, perFrame.Average() / linesPerFrame,
            perFrame[perFrame.Count / 2] / (double)linesPerFrame, perFrame[^1]);
    }

    /// <summary>
    /// <paramref name="lines"/> trace messages through the update into a default-capacity ring, a frame
    /// rendered and diffed (to <see cref="Stream.Null"/>) whenever 33 ms of wall time passed, as the loop's pacer does.
    /// </summary>
    public static Ingest IngestLines(long lines = 1_000_000, int width = 120, int height = 40)
    {
        using var self = Process.GetCurrentProcess();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        self.Refresh();
        var before = self.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var trace = new TraceRing();
        var state = DiagnosticsState(width, height, trace, prefill: 0);
        var composer = new TuiFrameComposer(TerminalOptions.Default);
        using var writer = new FrameWriter(Stream.Null) { DetectScroll = true };
        var pacer = new FramePacer(TimeProvider.System);
        var frames = 0L;
        var watch = Stopwatch.StartNew();
        for (var n = 0L; n < lines; n++)
        {
            state = TuiUpdate.Update(state, Line(n), trace).State;
            pacer.Invalidate();
            // The loop renders between batches; checking the clock every 64 lines keeps the check cheap.
            if ((n & 63) == 0 && pacer.DueIn() is { } due && due <= TimeSpan.Zero)
            {
                writer.Present(composer.Compose(state, trace, width, height));
                pacer.Rendered();
                frames++;
            }
        }
        writer.Present(composer.Compose(state, trace, width, height));
        frames++;
        watch.Stop();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        self.Refresh();
        if (state.Diagnostics.Trace.Version != lines
            || trace.Version != lines) throw new InvalidOperationException("the ring did not take every line");
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(state);
        GC.KeepAlive(trace);
        return new Ingest(lines, watch.Elapsed.TotalSeconds, frames, self.WorkingSet64, self.PeakWorkingSet64, before, heap, heapBefore);
    }

    /// <summary>
    /// The CPU cost of the frame a pane switch draws (update + view + Spectre + diff), alternating pane 2
    /// and pane 5 with 33 trace lines appended between (1,000 lines/s at 30 frames/s), in milliseconds.
    /// </summary>
    public static List<double> KeyFrameCosts(int samples = 400, int width = 120, int height = 40)
    {
        var trace = new TraceRing();
        var state = DiagnosticsState(width, height, trace);
        var composer = new TuiFrameComposer(TerminalOptions.Default);
        using var writer = new FrameWriter(Stream.Null) { DetectScroll = true };
        writer.Present(composer.Compose(state, trace, width, height));
        var next = 1_000_000L;
        var costs = new List<double>(samples);
        for (var s = -20; s < samples; s++)
        {
            for (var i = 0; i < 33; i++) state = TuiUpdate.Update(state, Line(next++), trace).State;
            var key = new KeyMsg(MailSetupTui.Tui.Input.KeyPress.Of(s % 2 == 0 ? '2' : '5'));
            var start = Stopwatch.GetTimestamp();
            state = TuiUpdate.Update(state, key).State;
            writer.Present(composer.Compose(state, trace, width, height));
            var cost = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (s >= 0) costs.Add(cost); // the first 20 warm the JIT up
        }
        return costs;
    }
}
