using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailSetup.Benchmarks.Tui;

/// <summary>
/// Mode "tui": the terminal UI's benchmarks, the real <c>mailsetup</c> binary measured through a
/// pseudo-terminal (<see cref="PtyRun"/>) plus the same pieces in process; writes results/tui.md.
/// Options: --runs N (cold starts, default 10), --samples N (keys, default 300), --binary PATH,
/// --out FILE, --env NAME=VALUE (added to the product's environment: runtime knobs),
/// --compare PATH (cold start only, this binary against PATH, alternated), --floor-only.
/// </summary>
internal static class TuiMeasurement
{
    private const int Columns = 120;
    private const int Rows = 40;
    private static readonly byte[] FrameEnd = "\e[?2026l"u8.ToArray();
    private static readonly byte[] SignedIn = "signed in"u8.ToArray();
    private static readonly byte[] AppHeader = "App registration"u8.ToArray();
    private static readonly byte[] DiagnosticsHeader = "5 Diagnostics"u8.ToArray();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Extra environment for every product run (--env NAME=VALUE): for trying runtime knobs.</summary>
    private static readonly Dictionary<string, string> ProductEnvironment = [];

    private static Dictionary<string, string> Environment(int? rate = null)
    {
        var environment = new Dictionary<string, string>(ProductEnvironment);
        if (rate is { } r) environment[PtyRun.SyntheticVariable] = r.ToString(CultureInfo.InvariantCulture);
        return environment;
    }

    private static readonly Regex Sequence = new(@"\* (\d+) FETCH", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static async Task<int> MainAsync(string[] args)
    {
        var runs = 10;
        var samples = 300;
        string? binary = null;
        string? output = null;
        string? compare = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--samples": samples = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--binary": binary = args[++i]; break;
                case "--out": output = args[++i]; break;
                case "--floor-only": break;
                case "--compare": compare = args[++i]; break;
                case "--env":
                    var (name, value) = (args[++i].Split('=', 2)[0], args[i].Split('=', 2)[1]);
                    ProductEnvironment[name] = value;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"unknown option {args[i]}");
                    return 2;
            }
        }

        var root = RepositoryRoot();
        // The product as admins get it: the jump-host publish. The build `dotnet build` makes is measured too, for comparison.
        binary ??= Path.Combine(root, "src", "MailSetupTui", "bin", "publish", "linux-x64", "mailsetup");
        var reference = Path.Combine(root, "src", "MailSetupTui", "bin", "Release", "net10.0", "mailsetup");
        output ??= Path.Combine(root, "tests", "MailSetup.Benchmarks", "results", "tui.md");
        foreach (var (path, make) in new[] { (binary, "dotnet publish src/MailSetupTui -p:PublishProfile=linux-x64"),
            (reference, "dotnet build -c Release src/MailSetupTui") })
        {
            if (File.Exists(path)) continue;
            await Console.Error.WriteLineAsync($"{path} is missing: {make}");
            return 2;
        }

        if (compare is not null)
        {
            // Cold start only, the two binaries alternated run by run so both see the same machine load.
            var (a, b) = (new List<double>(), new List<double>());
            for (var r = 0; r < runs; r++)
            {
                a.AddRange(ColdStarts(binary, 1, idleRuns: 0).FirstFrame);
                b.AddRange(ColdStarts(compare, 1, idleRuns: 0).FirstFrame);
            }
            Console.WriteLine(
                $"cold start to the first frame, median of {runs} alternated runs: {binary} {Report.Median(a):0.0} ms " +
                $"(min {a.Min():0.0}); {compare} {Report.Median(b):0.0} ms (min {b.Min():0.0})");
            return 0;
        }

        var report = new Report { LoadAtStart = Report.LoadAverage() };
        Log("in process: ingest of 1,000,000 trace lines");
        var ingest = InProcessTui.IngestLines();
        Log("in process: bytes per appended line");
        var bytes = new List<InProcessTui.FrameBytes>();
        foreach (var detect in new[] { true, false })
            foreach (var perFrame in new[] { 1, 7 })
                bytes.Add(InProcessTui.BytesPerLine(detect, perFrame));

        Log("pty: harness floor");
        var coldFloor = ColdFloor(runs);
        var keyFloor = KeyFloor(samples);
        var versionFloor = VersionFloor(binary, runs);
        Log(
            $"floor: cold {Report.Median(coldFloor):0.0} ms, mailsetup --version {Report.Median(versionFloor):0.0} ms, " +
            $"key {Report.Median(keyFloor):0.0} ms ({keyFloor.Count} samples)");
        if (args.Contains("--floor-only")) return 0;
        Log("in process: key frame cost");
        var keyFrameCosts = InProcessTui.KeyFrameCosts();
        Log("pty: cold start");
        var cold = ColdStarts(binary, runs);
        Log("pty: bytes per line at 200 lines/s");
        var pty = PtyBytesPerLine(binary, 200, TimeSpan.FromSeconds(5));
        Log("pty: key-to-frame latency at 1,000 lines/s");
        var latency = KeyLatency(binary, 1000, samples);
        Log("pty: key-to-frame latency with no stream (reference)");
        var quiet = KeyLatency(binary, 0, samples);
        Log("pty: ingest at 200,000 lines/s");
        var ptyIngest = PtyIngest(binary, 200_000, 1_000_000, TimeSpan.FromSeconds(20));
        Log("pty: idle on a real tenant's code path (sandbox serve in another process)");
        var realTenant = await RealTenantIdle.MeasureAsync(binary, 3, ProductEnvironment);
        Log("pty: the dotnet build, for comparison (cold start, idle on the sandbox and on a real tenant)");
        var referenceCold = ColdStarts(reference, runs);
        var referenceRealTenant = await RealTenantIdle.MeasureAsync(reference, 3, ProductEnvironment);

        if (ProductEnvironment.Count > 0) report.Note =
            "Product environment for this run: " + string.Join(", ", ProductEnvironment.Select(e => $"{e.Key}={e.Value}"));
        var text =
            report.Write(binary, runs, samples, ingest, bytes, keyFrameCosts, coldFloor, versionFloor, keyFloor, cold, pty, latency, quiet, ptyIngest,
            realTenant, new Report.Reference(reference, referenceCold, referenceRealTenant));
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, text);
        Console.WriteLine(text);
        Console.WriteLine($"written to {output}");
        return 0;
    }

    private static void Log(string what) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {what}");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MailSetupTui.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    // ---- harness floor -------------------------------------------------------------------------

    /// <summary>The same pty launch running printf of one synchronized frame: what script + sh + stty cost before any .NET starts.</summary>
    private static List<double> ColdFloor(int runs)
    {
        var times = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            using var run = PtyRun.Start("printf '\\033[?2026hfloor\\033[?2026l'; sleep 0.2");
            if (run.WaitFor(FrameEnd, 0, Patience) is { } end) times.Add(PtyRun.Ms(run.StartTicks, end.Ticks));
            run.WaitForExit(TimeSpan.FromSeconds(5));
        }
        return times;
    }

    /// <summary>The product's own floor: `mailsetup --version` (host, runtime, command line; no UI) to its first output byte.</summary>
    private static List<double> VersionFloor(string binary, int runs)
    {
        var times = new List<double>();
        for (var r = 0; r < runs; r++)
        {
            using var run = PtyRun.Start("exec " + Quote(binary) + " --version", Columns, Rows, Environment());
            if (run.WaitForOutput(Patience) is { } first) times.Add(PtyRun.Ms(run.StartTicks, first));
            run.WaitForExit(TimeSpan.FromSeconds(5));
        }
        return times;
    }

    /// <summary>A key written to the pty and echoed back by cat in raw mode: the round trip through script and the pty.</summary>
    private static List<double> KeyFloor(int samples)
    {
        var times = new List<double>();
        using var run = PtyRun.Start("stty raw -echo; printf ready; exec cat");
        if (run.WaitFor("ready"u8, 0, Patience) is null)
        {
            Log(
                $"key floor: cat never started ({run.Length} bytes: {Encoding.Latin1.GetString(run.Snapshot(0, run.Length))}; " +
                $"stderr: {run.Errors}; exited: {run.Exited})");
            return times;
        }
        Thread.Sleep(100);
        var random = new Random(7);
        for (var s = 0; s < samples; s++)
        {
            var key = s % 2 == 0 ? "2" : "5";
            var from = run.Length;
            var sent = run.Send(key);
            if (run.WaitFor(Encoding.ASCII.GetBytes(key), from, TimeSpan.FromSeconds(5)) is { } got) times.Add(PtyRun.Ms(sent, got.Ticks));
            Thread.Sleep(random.Next(10, 40));
        }
        return times;
    }

    // ---- the product ---------------------------------------------------------------------------

    public sealed record Cold(List<double> FirstFrame, List<double> SignedIn, List<long> IdleRss, List<long> IdlePeak, List<bool> CleanExit,
        List<ProcessMemory> Idle);

    private static Cold ColdStarts(string binary, int runs, int idleRuns = 3)
    {
        var result = new Cold([], [], [], [], [], []);
        for (var r = 0; r < runs; r++)
        {
            using var run = PtyRun.Start("exec " + Quote(binary), Columns, Rows, Environment());
            var first = run.WaitFor(FrameEnd, 0, Patience) ?? throw new InvalidOperationException("no first frame");
            result.FirstFrame.Add(PtyRun.Ms(run.StartTicks, first.Ticks));
            var signed = run.WaitFor(SignedIn, 0, Patience) ?? throw new InvalidOperationException("never signed in");
            var signedFrame = run.WaitFor(FrameEnd, signed.End, Patience) ?? signed;
            result.SignedIn.Add(PtyRun.Ms(run.StartTicks, signedFrame.Ticks));
            if (r < idleRuns && run.ChildPid("mailsetup", TimeSpan.FromSeconds(2)) is { } pid)
            {
                // Idle: signed in, the directory loaded, nothing typed, for 5 s.
                Thread.Sleep(TimeSpan.FromSeconds(5));
                if (PtyRun.Memory(pid) is { } memory)
                {
                    result.IdleRss.Add(memory.Rss);
                    result.IdlePeak.Add(memory.Peak);
                    result.Idle.Add(memory);
                }
            }
            run.Send("q");
            result.CleanExit.Add(run.WaitForExit(TimeSpan.FromSeconds(10)));
        }
        return result;
    }

    /// <summary>Starts the product, waits for sign-in, focuses Diagnostics and waits for that frame.</summary>
    private static PtyRun StartOnDiagnostics(string binary, int rate)
    {
        var run = PtyRun.Start("exec " + Quote(binary), Columns, Rows, Environment(rate));
        var signed = run.WaitFor(SignedIn, 0, Patience) ?? throw new InvalidOperationException("never signed in");
        run.WaitFor(FrameEnd, signed.End, Patience);
        Thread.Sleep(300);
        var from = run.Length;
        run.Send("5");
        var diag = run.WaitFor(DiagnosticsHeader, from, Patience) ?? throw new InvalidOperationException("pane 5 never showed");
        run.WaitFor(FrameEnd, diag.End, Patience);
        return run;
    }

    /// <summary>Replays the product's output on a <see cref="VirtualScreen"/>, whole frames at a time, to read the newest synthetic line
    /// shown.</summary>
    private sealed class ScreenTracker(PtyRun run)
    {
        private readonly VirtualScreen _screen = new(Columns, Rows);
        private int _applied;

        public long Seq { get; private set; } = -1;

        /// <summary>When the last applied frame ended.</summary>
        public long Ticks { get; private set; }

        /// <summary>Applies the complete frames in output[..<paramref name="upTo"/>).</summary>
        public void Advance(int upTo)
        {
            if (upTo <= _applied) return;
            var bytes = run.Snapshot(_applied, upTo);
            var last = bytes.AsSpan().LastIndexOf(FrameEnd);
            if (last < 0) return;
            var end = last + FrameEnd.Length;
            _screen.Apply(bytes.AsSpan(0, end));
            _applied += end;
            Ticks = run.TicksAt(_applied);
            foreach (var row in _screen.Text)
                foreach (Match match in Sequence.Matches(row))
                    if (long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > Seq) Seq = n;
        }
    }

    public sealed record PtyBytes(int Rate, long Bytes, long Lines, double Seconds, int Frames);

    private static PtyBytes PtyBytesPerLine(string binary, int rate, TimeSpan window)
    {
        using var run = StartOnDiagnostics(binary, rate);
        Thread.Sleep(1000);
        // Cut both ends of the window just after a frame end, so whole frames are counted.
        var startEnd = run.WaitFor(FrameEnd, run.Length, Patience) ?? throw new InvalidOperationException("no frames");
        var watch = Stopwatch.StartNew();
        Thread.Sleep(window);
        var stopEnd = run.WaitFor(FrameEnd, run.Length, Patience) ?? throw new InvalidOperationException("no frames");
        watch.Stop();
        var screen = new ScreenTracker(run);
        screen.Advance(startEnd.End);
        var before = screen.Seq;
        screen.Advance(stopEnd.End);
        var after = screen.Seq;
        var frames = Count(run.Snapshot(startEnd.End, stopEnd.End), FrameEnd);
        run.Send("q");
        run.WaitForExit(TimeSpan.FromSeconds(10));
        return new PtyBytes(rate, stopEnd.End - startEnd.End, after - before, watch.Elapsed.TotalSeconds, frames);
    }

    private static int Count(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        var count = 0;
        for (var at = haystack.IndexOf(needle); at >= 0; at = haystack.IndexOf(needle))
        {
            count++;
            haystack = haystack[(at + needle.Length)..];
        }
        return count;
    }

    public sealed record Latency(int Rate, List<double> Samples, int Missed, long? PeakRss, List<double> ToApp, List<double> ToDiagnostics);

    private static Latency KeyLatency(string binary, int rate, int samples)
    {
        using var run = StartOnDiagnostics(binary, rate);
        var pid = run.ChildPid("mailsetup", TimeSpan.FromSeconds(2));
        Thread.Sleep(1000);
        var times = new List<double>();
        var (toApp, toDiagnostics) = (new List<double>(), new List<double>());
        var missed = 0;
        var random = new Random(11);
        for (var s = 0; s < samples; s++)
        {
            var (key, marker) = s % 2 == 0 ? ("2", AppHeader) : ("5", DiagnosticsHeader);
            var from = run.Length;
            var sent = run.Send(key);
            if (run.WaitFor(marker, from, TimeSpan.FromSeconds(5)) is { } got)
            {
                times.Add(PtyRun.Ms(sent, got.Ticks));
                (key == "2" ? toApp : toDiagnostics).Add(times[^1]);
                run.WaitFor(FrameEnd, got.End, TimeSpan.FromSeconds(5));
            }
            else missed++;
            // Not in step with the 33 ms frame pacing: keys land anywhere in a frame interval.
            Thread.Sleep(random.Next(20, 60));
        }
        long? peak = pid is { } p && PtyRun.Memory(p) is { } memory ? memory.Peak : null;
        run.Send("q");
        run.WaitForExit(TimeSpan.FromSeconds(10));
        return new Latency(rate, times, missed, peak, toApp, toDiagnostics);
    }

    public sealed record PtyIngestResult(int Rate, long LastSeq, double Seconds, long Rss, long Peak, bool Reached,
        List<(double At, long Seq, long Rss)> Trail, int FloodFrames, double FloodSeconds, double LongestGapMs)
    {
        public double LinesPerSecond => LastSeq / Seconds;
    }

    /// <summary>
    /// The synthetic stream starts with the UI (just before its first frame) and runs until quit, so by
    /// the time pane 5 shows it the loop has taken everything drawn there: lines/s = the highest line
    /// number drawn / the time from the first frame to the frame that drew it.
    /// </summary>
    private static PtyIngestResult PtyIngest(string binary, int rate, long target, TimeSpan limit)
    {
        using var run = StartOnDiagnostics(binary, rate);
        var firstFrame = run.WaitFor(FrameEnd, 0, Patience)!.Value.Ticks;
        var pid = run.ChildPid("mailsetup", TimeSpan.FromSeconds(2)) ?? throw new InvalidOperationException("no mailsetup process under script");
        var focused = run.Length;
        var focusedTicks = Stopwatch.GetTimestamp();
        var screen = new ScreenTracker(run);
        var seq = -1L;
        var seqTicks = focusedTicks;
        var trail = new List<(double, long, long)>();
        long rss = 0, peak = 0;
        while (true)
        {
            screen.Advance(run.Length);
            if (screen.Seq > seq) (seq, seqTicks) = (screen.Seq, screen.Ticks);
            if (PtyRun.Memory(pid) is { } memory)
            {
                (rss, peak) = memory;
                trail.Add((PtyRun.Ms(firstFrame, Stopwatch.GetTimestamp()) / 1000, seq, rss));
            }
            var watched = PtyRun.Ms(focusedTicks, Stopwatch.GetTimestamp());
            if ((seq >= target && watched >= 5000) || watched >= limit.TotalMilliseconds) break;
            Thread.Sleep(250);
        }
        var frames = run.TimesOf(FrameEnd, focused, run.Length);
        var longest = 0.0;
        var previous = focusedTicks;
        foreach (var frame in frames)
        {
            longest = Math.Max(longest, PtyRun.Ms(previous, frame));
            previous = frame;
        }
        longest = Math.Max(longest, PtyRun.Ms(previous, Stopwatch.GetTimestamp()));
        var flood = PtyRun.Ms(focusedTicks, Stopwatch.GetTimestamp()) / 1000;
        run.Send("q");
        run.WaitForExit(TimeSpan.FromSeconds(10));
        return new PtyIngestResult(rate, seq, PtyRun.Ms(firstFrame, seqTicks) / 1000, rss, peak, seq >= target, trail, frames.Count, flood, longest);
    }
}
