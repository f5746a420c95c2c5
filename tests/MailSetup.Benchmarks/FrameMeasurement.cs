using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailSetupTui.Tui.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetup.Benchmarks;

/// <summary>
/// The terminal layer at 120x40, timed with a stopwatch: rendering a pane view with Spectre into a
/// frame, diffing it against the last one, and the bytes a frame costs when trace lines are
/// appended (one per frame, and 33 per frame: 1,000 lines/s at 30 frames/s), with the
/// scroll-region path on and off, for a full-width trace pane and for one beside a navigation
/// pane (where whole rows do not move, so the scroll path cannot apply).
/// </summary>
internal static class FrameMeasurement
{
    private const int Width = 120;
    private const int Height = 40;
    private const int Frames = 2000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private enum Layout
    {
        FullWidthTrace,
        TraceBesideNavigation,
    }

    private sealed record Bytes(string Layout, int LinesPerFrame, bool Scroll, double BytesPerLine, double BytesPerFrame);

    private sealed record Timing(string What, double MedianMs, double P99Ms, double MaxMs, string Collections = "");

    public static async Task<int> MainAsync(string[] args)
    {
        string? outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length) outPath = args[++i];
            else
            {
                await Console.Error.WriteLineAsync($"frames: unknown argument '{args[i]}'");
                return 2;
            }
        }

        var timings = new List<Timing>();
        foreach (var layout in Enum.GetValues<Layout>()) timings.AddRange(Time(layout));
        var bytes = new List<Bytes>();
        foreach (var layout in Enum.GetValues<Layout>())
        foreach (var perFrame in new[] { 1, 33 })
        foreach (var scroll in new[] { true, false })
            bytes.Add(MeasureBytes(layout, perFrame, scroll));

        // Warm-up (JIT), then the measured run.
        await FrameLoopMeasurement.RunAsync(Width, Height, 1000, TimeSpan.FromSeconds(1));
        var loop = await FrameLoopMeasurement.RunAsync(Width, Height, 1000, TimeSpan.FromSeconds(10));

        var report = Report(timings, bytes, loop);
        var path = outPath ?? Path.Combine(ResultsFolder(), "tui-frames.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
        return 0;
    }

    /// <summary>Render, diff, and both, per frame with one new trace line each, after a warm-up.</summary>
    private static IEnumerable<Timing> Time(Layout layout)
    {
        var renderer = new SpectreFrameRenderer();
        var diff = new FrameDiff();
        using var output = new AnsiBuffer();
        var options = TerminalOptions.Default;
        var trace = new List<string>();
        // Two buffers, swapped: a 120x40 frame is ~130 KB, on the large object heap if allocated per frame.
        var next = new ScreenBuffer(Width, Height);
        ScreenBuffer? previous = null;
        var spare = new ScreenBuffer(Width, Height);
        var render = new List<double>();
        var diffing = new List<double>();
        var total = new List<double>();

        int[] collections = [];
        for (var frame = 0; frame < Frames + 200; frame++)
        {
            if (frame == 200) collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            trace.Add(TraceLine(trace.Count));
            var start = Stopwatch.GetTimestamp();
            renderer.RenderInto(View(layout, trace), next, options);
            var rendered = Stopwatch.GetTimestamp();
            output.Clear();
            diff.Write(previous, next, output);
            var diffed = Stopwatch.GetTimestamp();
            previous = next;
            (next, spare) = (spare, next);
            if (frame < 200) continue; // warm-up: JIT and tiering
            render.Add(Stopwatch.GetElapsedTime(start, rendered).TotalMilliseconds);
            diffing.Add(Stopwatch.GetElapsedTime(rendered, diffed).TotalMilliseconds);
            total.Add(Stopwatch.GetElapsedTime(start, diffed).TotalMilliseconds);
        }

        var name = Describe(layout);
        yield return Summarize($"{name}: render (Spectre to cells)", render);
        yield return Summarize($"{name}: diff (cells to ANSI)", diffing);
        var gcs = $"{GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]}";
        yield return Summarize($"{name}: render + diff", total) with { Collections = gcs };
    }

    private static Bytes MeasureBytes(Layout layout, int linesPerFrame, bool scroll)
    {
        var renderer = new SpectreFrameRenderer();
        using var sink = new CountingStream();
        using var writer = new FrameWriter(sink) { DetectScroll = scroll };
        var trace = new List<string>();
        for (var i = 0; i < 100; i++) trace.Add(TraceLine(i));
        var frame = new ScreenBuffer(Width, Height);
        renderer.RenderInto(View(layout, trace), frame, TerminalOptions.Default);
        writer.Present(frame);

        var before = writer.BytesWritten;
        const int frames = 300;
        for (var f = 0; f < frames; f++)
        {
            for (var l = 0; l < linesPerFrame; l++) trace.Add(TraceLine(trace.Count));
            renderer.RenderInto(View(layout, trace), frame, TerminalOptions.Default);
            writer.Present(frame);
        }
        var written = writer.BytesWritten - before;
        return new Bytes(Describe(layout), linesPerFrame, scroll, (double)written / (frames * linesPerFrame), (double)written / frames);
    }

    private static string TraceLine(int n) =>
        (n % 4) switch
        {
            0 => $"12:00:{n % 60:00}.{n % 1000:000} [IMAP] C: A{n} FETCH {n}:* (FLAGS UID)",
            1 => $"12:00:{n % 60:00}.{n % 1000:000} [IMAP] S: * {n} FETCH (UID {n * 7} FLAGS (\\Seen))",
            2 => $"12:00:{n % 60:00}.{n % 1000:000} [SMTP] S: 250-mail.contoso.com Hello [10.0.0.{n % 250}]",
            _ => $"12:00:{n % 60:00}.{n % 1000:000} [IMAP] S: A{n - 3} OK FETCH completed",
        };

    /// <summary>A header, the trace pane with its last lines (as Text, never markup), a key bar.</summary>
    private static IRenderable View(Layout layout, List<string> trace)
    {
        var header = new Text(" mailsetup  1 Setup  2 Plan  3 Apply  4 Diagnose  5 Trace", new Style(Color.Black, Color.Aqua));
        var keys = new Text(" Tab next pane  / filter  ? help  q quit", new Style(decoration: Decoration.Invert));
        var traceRows = Height - 2 - 2; // header, key bar, the panel's borders
        // Styled by what the line is (client or server), so a line keeps its look as it moves up.
        var visible =
            trace.Skip(Math.Max(0, trace.Count - traceRows))
                .Select(line => new Text(line, line.Contains(" C: ", StringComparison.Ordinal) ? ClientStyle : Style.Plain));
        var tracePanel = new Panel(new Rows(visible)) { Header = new PanelHeader("Trace"), Expand = true, Padding = new Padding(1, 0, 1, 0) };
        IRenderable body = layout switch
        {
            Layout.FullWidthTrace => tracePanel,
            _ => new Columns(
                new Panel(
                    new Rows(new Text("> Setup", new Style(decoration: Decoration.Invert)), new Text("  Plan"), new Text("  Apply"),
                        new Text("  Diagnose"))) { Expand = true, Width = 22 },
                tracePanel) { Expand = true, Padding = new Padding(0) },
        };
        return new Rows(header, body, keys);
    }

    private static readonly Style ClientStyle = new(Color.Grey);

    private static string Describe(Layout layout) =>
        layout == Layout.FullWidthTrace ? "full-width trace pane" : "trace pane beside navigation";

    private static Timing Summarize(string what, List<double> ms)
    {
        ms.Sort();
        return new Timing(what, ms[ms.Count / 2], ms[(int)Math.Ceiling(ms.Count * 0.99) - 1], ms[^1]);
    }

    private static string Report(List<Timing> timings, List<Bytes> bytes, FrameLoopMeasurement.Result loop)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"# Terminal frames at {Width}x{Height}");
        md.AppendLine();
        md.AppendLine(Invariant,
            $"`dotnet run -c Release --project tests/MailSetup.Benchmarks -- frames`, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $".NET {Environment.Version}, {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
        if (File.Exists("/proc/loadavg"))
            md.AppendLine(Invariant,
                $"Load average (1 min) when written: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} CPUs: " +
                $"on a shared machine p99 and max are mostly waiting for a CPU; compare medians.");
        md.AppendLine(
            "A header, a trace pane of Text lines in a Panel, a key bar; one trace line appended per frame. " +
            "Stopwatch per frame after 200 warm-up frames.");
        md.AppendLine();
        md.AppendLine(Invariant, $"## Time per frame ({Frames} frames)");
        md.AppendLine();
        md.AppendLine("| what | median ms | p99 ms | max ms | GCs gen0/1/2 |");
        md.AppendLine("|---|---:|---:|---:|---|");
        foreach (var t in timings) md.AppendLine(Invariant,
            $"| {t.What} | {t.MedianMs:0.000} | {t.P99Ms:0.000} | {t.MaxMs:0.000} | {t.Collections} |");
        md.AppendLine();
        md.AppendLine("## Bytes written per appended trace line (300 frames, after a first full frame)");
        md.AppendLine();
        md.AppendLine("The target is at most 300 B per line. 33 lines per frame is 1,000 lines/s at 30 frames/s.");
        md.AppendLine();
        md.AppendLine("| layout | lines per frame | scroll region | bytes per line | bytes per frame |");
        md.AppendLine("|---|---:|---|---:|---:|");
        foreach (var b in bytes) md.AppendLine(Invariant,
            $"| {b.Layout} | {b.LinesPerFrame} | {(b.Scroll ? "on" : "off")} | {b.BytesPerLine:0} | {b.BytesPerFrame:0} |");
        md.AppendLine();
        md.AppendLine(
            "The scroll region (DECSTBM + SU) moves whole rows (tmux and most terminals have no left/right margins). Full width, " +
            "a new line costs the scroll (16 B) and the line. Beside a 30-column navigation pane the rows move with the navigation, " +
            "whose cells that moved are redrawn (~150 B for a 6-row box) on top of the line. 33 lines per frame is mostly the new text itself.");
        md.AppendLine();
        md.AppendLine(Invariant, $"## Key to frame while {loop.LinesPerSecond:N0} trace lines/s stream in");
        md.AppendLine();
        md.AppendLine(
            "A reference loop (FramePacer's documented shape): one channel; lines from a background thread, a key every 20 ms from another; " +
            "keys drawn at once, lines at most ~30 frames/s; frames written to /dev/null. The target is p99 at most 16 ms.");
        md.AppendLine();
        md.AppendLine("| keys | median ms | p99 ms | max ms | frames/s | lines drawn |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant,
            $"| {loop.Keys} | {loop.MedianMs:0.00} | {loop.P99Ms:0.00} | {loop.MaxMs:0.00} | {loop.FramesPerSecond:0} | {loop.Lines:N0} |");
        return md.ToString();
    }

    private static string ResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailSetup.Benchmarks.csproj"))) return Path.Combine(dir.FullName, "results");
        }
        return Path.Combine(Environment.CurrentDirectory, "results");
    }

    /// <summary>A terminal that only counts what it is sent.</summary>
    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Written += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    }
}
