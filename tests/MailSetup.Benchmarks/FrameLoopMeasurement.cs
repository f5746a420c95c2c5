using System.Diagnostics;
using System.Threading.Channels;
using MailSetupTui.Tui.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetup.Benchmarks;

/// <summary>
/// Key-to-frame latency through a reference UI loop (the shape <see cref="FramePacer"/>
/// documents): one channel, trace lines posted by a background thread at a steady rate, keys
/// posted every 20 ms by another; a key is drawn at once, lines at most ~30 times a second.
/// Latency is from posting the key to the frame written (to /dev/null: the write syscall counts).
/// </summary>
internal static class FrameLoopMeasurement
{
    public sealed record Result(int LinesPerSecond, int Keys, double MedianMs, double P99Ms, double MaxMs, double FramesPerSecond, long Lines);

    private sealed record TraceLine(string Text);

    private sealed record Key(long PostedAt);

    public static async Task<Result> RunAsync(int width, int height, int linesPerSecond, TimeSpan duration)
    {
        var messages = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
        using var stop = new CancellationTokenSource(duration);
        var producer = new Thread(() => ProduceLines(messages.Writer, linesPerSecond, stop.Token)) { IsBackground = true };
        var typist = new Thread(() => PressKeys(messages.Writer, stop.Token)) { IsBackground = true };

        await using var devNull = File.Exists("/dev/null") ? new FileStream("/dev/null", FileMode.Open, FileAccess.Write) : (Stream)Stream.Null;
        using var writer = new FrameWriter(devNull);
        var renderer = new SpectreFrameRenderer();
        var pacer = new FramePacer(TimeProvider.System);
        var frame = new ScreenBuffer(width, height);
        var trace = new List<string>();
        var keysWaiting = new List<long>();
        var latencies = new List<double>();
        var selected = 0;
        var frames = 0;
        long lines = 0;

        producer.Start();
        typist.Start();
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            if (pacer.DueIn() == TimeSpan.Zero)
            {
                renderer.RenderInto(View(trace, selected, height), frame, TerminalOptions.Default);
                writer.Present(frame);
                pacer.Rendered();
                frames++;
                var now = Stopwatch.GetTimestamp();
                foreach (var postedAt in keysWaiting) latencies.Add(Stopwatch.GetElapsedTime(postedAt, now).TotalMilliseconds);
                keysWaiting.Clear();
                continue;
            }

            if (!messages.Reader.TryRead(out var message))
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                if (pacer.DueIn() is { } due) wait.CancelAfter(due);
                try
                {
                    await messages.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException)
                {
                    // the frame is due, or the run is over
                }
                continue;
            }

            // One batch: everything queued now is applied before the next frame.
            do
            {
                switch (message)
                {
                    case TraceLine line:
                        trace.Add(line.Text);
                        if (trace.Count > 10_000) trace.RemoveRange(0, 5_000);
                        lines++;
                        pacer.Invalidate();
                        break;
                    case Key key:
                        selected = (selected + 1) % 5;
                        keysWaiting.Add(key.PostedAt);
                        pacer.Invalidate(urgent: true);
                        break;
                }
            }
            while (messages.Reader.TryRead(out message));
        }

        latencies.Sort();
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(
            linesPerSecond,
            latencies.Count,
            latencies[latencies.Count / 2],
            latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1],
            latencies[^1],
            frames / seconds,
            lines);
    }

    private static void ProduceLines(ChannelWriter<object> writer, int perSecond, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long posted = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; posted < due; posted++)
                writer.TryWrite(new TraceLine($"12:00:00.{posted % 1000:000} [IMAP] S: * {posted} FETCH (UID {posted * 7} FLAGS (\\Seen))"));
            Thread.Sleep(1);
        }
    }

    private static void PressKeys(ChannelWriter<object> writer, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Thread.Sleep(20);
            writer.TryWrite(new Key(Stopwatch.GetTimestamp()));
        }
    }

    private static IRenderable View(List<string> trace, int selected, int height)
    {
        var tabs =
            string.Join("  ",
                new[] { "1 Setup", "2 Plan", "3 Apply", "4 Diagnose", "5 Trace" }.Select((t, i) => i == selected ? $">{t}<" : $" {t} "));
        var rows = height - 4;
        var visible = trace.Skip(Math.Max(0, trace.Count - rows)).Select(line => new Text(line));
        return new Rows(
            new Text(tabs, new Style(Color.Black, Color.Aqua)),
            new Panel(new Rows(visible)) { Header = new PanelHeader("Trace"), Expand = true, Padding = new Padding(1, 0, 1, 0) },
            new Text(" Tab next pane  / filter  ? help  q quit", new Style(decoration: Decoration.Invert)));
    }
}
