using System.Diagnostics;
using System.Globalization;

namespace MailSetup.Benchmarks.Tui;

/// <summary>
/// One program run on a pseudo-terminal: util-linux <c>script -qfec "stty cols C rows R; COMMAND" /dev/null</c>
/// gives the child a pty of that size; script's stdout carries the child's output bytes as they
/// come (-f flushes each read) and its stdin feeds keystrokes. A reader thread timestamps every
/// chunk on one <see cref="Stopwatch"/> clock, so "when did X appear" is the time of the chunk
/// holding X's last byte.
/// </summary>
internal sealed class PtyRun : IDisposable
{
    private readonly Process _script;
    private readonly Thread _reader;
    private readonly object _gate = new();
    private byte[] _buffer = new byte[1 << 16];
    private int _length;
    private readonly List<(int End, long Ticks)> _chunks = [];
    private bool _closed;
    private readonly System.Text.StringBuilder _errors = new();

    /// <summary>What script (or the child before the pty took over) wrote to stderr.</summary>
    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    public long StartTicks { get; }

    /// <summary>Where the product's state goes for this run (deleted on dispose).</summary>
    public string StateFolder { get; }

    private PtyRun(string command, int columns, int rows, IReadOnlyDictionary<string, string> environment)
    {
        StateFolder = Directory.CreateTempSubdirectory("mailsetup-tuibench-").FullName;
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-qfec");
        start.ArgumentList.Add($"stty cols {columns} rows {rows}; {command}");
        start.ArgumentList.Add("/dev/null");
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["XDG_STATE_HOME"] = StateFolder;
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove(SyntheticVariable);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        StartTicks = Stopwatch.GetTimestamp();
        _script = Process.Start(start) ?? throw new InvalidOperationException("could not start script(1)");
        _script.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line) lock (_errors) _errors.AppendLine(line);
        };
        _script.BeginErrorReadLine();
        _reader = new Thread(Read) { IsBackground = true, Name = "pty reader" };
        _reader.Start();
    }

    public const string SyntheticVariable = "MAILSETUP_SYNTHETIC_TRACE_RATE";

    public static PtyRun Start(string command, int columns = 120, int rows = 40, IReadOnlyDictionary<string, string>? environment = null) =>
        new(command, columns, rows, environment ?? new Dictionary<string, string>());

    public int Length
    {
        get { lock (_gate) return _length; }
    }

    public bool Exited => _script.HasExited;

    private void Read()
    {
        var stream = _script.StandardOutput.BaseStream;
        var chunk = new byte[1 << 16];
        while (true)
        {
            int read;
            try { read = stream.Read(chunk); }
            catch (IOException) { read = 0; }
            var now = Stopwatch.GetTimestamp();
            lock (_gate)
            {
                if (read <= 0)
                {
                    _closed = true;
                    Monitor.PulseAll(_gate);
                    return;
                }
                if (_length + read > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + read));
                chunk.AsSpan(0, read).CopyTo(_buffer.AsSpan(_length));
                _length += read;
                _chunks.Add((_length, now));
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="marker"/> occurs at or after byte <paramref name="from"/>; returns the
    /// offset just past it and the time its last byte arrived, or null after <paramref name="timeout"/>.
    /// </summary>
    public (int End, long Ticks)? WaitFor(ReadOnlySpan<byte> marker, int from, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var scan = from;
        lock (_gate)
        {
            while (true)
            {
                if (_length - scan >= marker.Length)
                {
                    var at = _buffer.AsSpan(scan, _length - scan).IndexOf(marker);
                    if (at >= 0)
                    {
                        var end = scan + at + marker.Length;
                        return (end, TicksAt(end));
                    }
                    scan = _length - marker.Length + 1;
                }
                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || _closed) return null;
                Monitor.Wait(_gate, TimeSpan.FromSeconds(Math.Min(left / (double)Stopwatch.Frequency, 0.5)));
            }
        }
    }

    /// <summary>When the first output byte arrived, or null after <paramref name="timeout"/>.</summary>
    public long? WaitForOutput(TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        lock (_gate)
        {
            while (_chunks.Count == 0)
            {
                var left = deadline - Stopwatch.GetTimestamp();
                if (left <= 0 || _closed) return null;
                Monitor.Wait(_gate, TimeSpan.FromSeconds(Math.Min(left / (double)Stopwatch.Frequency, 0.5)));
            }
            return _chunks[0].Ticks;
        }
    }

    /// <summary>When the byte before <paramref name="end"/> arrived.</summary>
    public long TicksAt(int end)
    {
        lock (_gate)
        {
            int lo = 0, hi = _chunks.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_chunks[mid].End >= end) hi = mid;
                else lo = mid + 1;
            }
            return _chunks[lo].Ticks;
        }
    }

    /// <summary>When each occurrence of <paramref name="marker"/> in output[from..to) arrived.</summary>
    public List<long> TimesOf(ReadOnlySpan<byte> marker, int from, int to)
    {
        var bytes = Snapshot(from, to);
        var times = new List<long>();
        var offset = 0;
        for (var at = bytes.AsSpan().IndexOf(marker); at >= 0; at = bytes.AsSpan(offset).IndexOf(marker))
        {
            offset += at + marker.Length;
            times.Add(TicksAt(from + offset));
        }
        return times;
    }

    public byte[] Snapshot(int from, int to)
    {
        lock (_gate) return _buffer.AsSpan(from, to - from).ToArray();
    }

    /// <summary>Writes one key's bytes to the pty and returns when it was written.</summary>
    public long Send(string keys)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(keys);
        var input = _script.StandardInput.BaseStream;
        var now = Stopwatch.GetTimestamp();
        input.Write(bytes);
        input.Flush();
        return now;
    }

    /// <summary>The program on the pty (script's child; `exec` keeps its pid), once it runs <paramref name="comm"/>.</summary>
    public int? ChildPid(string comm, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var pid in Children(_script.Id))
            {
                try
                {
                    if (File.ReadAllText($"/proc/{pid}/comm").Trim() == comm) return pid;
                }
                catch (IOException) { }
            }
            Thread.Sleep(20);
        }
        return null;
    }

    private static IEnumerable<int> Children(int parent)
    {
        var list = $"/proc/{parent}/task/{parent}/children";
        if (File.Exists(list))
            return File.ReadAllText(list).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
                .ToList();
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }

    /// <summary>VmRSS, VmHWM and RSS split into anonymous, file-backed and shared memory, in bytes (null when the process is gone).</summary>
    public static ProcessMemory? Memory(int pid)
    {
        try
        {
            var values = new Dictionary<string, long>();
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.EndsWith(" kB", StringComparison.Ordinal))
                    values[line[..colon]] = 1024 * long.Parse(line[(colon + 1)..^3].Trim(), CultureInfo.InvariantCulture);
            }
            var rollup = $"/proc/{pid}/smaps_rollup";
            if (File.Exists(rollup))
                foreach (var line in File.ReadLines(rollup))
                    if (line.StartsWith("Pss:", StringComparison.Ordinal) && line.EndsWith(" kB", StringComparison.Ordinal))
                        values["Pss"] = 1024 * long.Parse(line[4..^3].Trim(), CultureInfo.InvariantCulture);
            return new ProcessMemory(values.GetValueOrDefault("VmRSS"), values.GetValueOrDefault("VmHWM"), values.GetValueOrDefault("RssAnon"),
                values.GetValueOrDefault("RssFile"), values.GetValueOrDefault("RssShmem"), values.GetValueOrDefault("Pss"));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits for the run to end; kills it (script and its child) after <paramref name="timeout"/>.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (_script.WaitForExit(timeout)) return true;
        try { _script.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _script.WaitForExit();
        return false;
    }

    public void Dispose()
    {
        if (!_script.HasExited)
        {
            try { _script.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _script.WaitForExit();
        }
        _reader.Join(TimeSpan.FromSeconds(2));
        _script.Dispose();
        try { Directory.Delete(StateFolder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static double Ms(long fromTicks, long toTicks) => (toTicks - fromTicks) * 1000.0 / Stopwatch.Frequency;
}

internal sealed record ProcessMemory(long Rss, long Peak, long Anonymous, long FileBacked, long Shared, long Proportional)
{
    public void Deconstruct(out long rss, out long peak) => (rss, peak) = (Rss, Peak);
}
