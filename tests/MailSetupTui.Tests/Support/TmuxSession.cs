using System.Diagnostics;

namespace MailSetupTui.Tests.Support;

/// <summary>
/// A real terminal for end-to-end tests: a detached tmux session on its own server (a socket
/// per session, so tests run in parallel and a failing one leaves nothing behind), running one
/// command line at a fixed size. Keys go in with send-keys; the screen comes out with
/// capture-pane; tmux's own flags tell whether the alternate screen and the cursor are on.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(20);
    private const string Target = "test";

    private readonly string _socket;

    private TmuxSession(string socket) => _socket = socket;

    /// <summary>Where tmux is; null when it is not installed (.ci/run installs it).</summary>
    public static string? Executable { get; } =
        new[] { "/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// Starts <paramref name="commandLine"/> (run by tmux through /bin/sh) in a new
    /// <paramref name="width"/> x <paramref name="height"/> terminal, with extra environment variables.
    /// </summary>
    public static TmuxSession Start(string commandLine, int width = 80, int height = 24, IReadOnlyDictionary<string, string>? environment = null)
    {
        var session = new TmuxSession($"mailsetup-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        List<string> args =
            ["new-session", "-d", "-s", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y",
                height.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            args.Add("-e");
            args.Add($"{name}={value}");
        }
        args.Add(commandLine);
        session.Tmux([.. args]);
        return session;
    }

    /// <summary>Quotes a value for /bin/sh.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>tmux key names (Tab, BTab, Enter, Escape, Up, PageDown, F1, F10, C-c, q, ...), one key each.</summary>
    public void SendKeys(params string[] keys) => Tmux(["send-keys", "-t", Target, .. keys]);

    /// <summary>Text typed literally, character by character.</summary>
    public void SendText(string text) => Tmux("send-keys", "-t", Target, "-l", text);

    /// <summary>The visible screen, rows joined by '\n'; with <paramref name="escapes"/>, with its colours and attributes as SGR.</summary>
    public string Capture(bool escapes = false)
    {
        var screen = Tmux(escapes ? ["capture-pane", "-p", "-e", "-t", Target] : ["capture-pane", "-p", "-t", Target]).ReplaceLineEndings("\n");
        return screen.EndsWith('\n') ? screen[..^1] : screen; // one row per line, no line after the last
    }

    public bool IsAlternateScreenActive => Format("#{alternate_on}") == "1";

    public bool IsCursorVisible => Format("#{cursor_flag}") == "1";

    /// <summary>DECCKM: cursor keys send application (SS3) sequences (<c>CSI ?1h</c>).</summary>
    public bool IsApplicationCursorKeys => Format("#{keypad_cursor_flag}") == "1";

    /// <summary>DECKPAM: the keypad is in application mode (<c>ESC =</c>).</summary>
    public bool IsApplicationKeypad => Format("#{keypad_flag}") == "1";

    /// <summary>The terminal gets a new size (the program sees SIGWINCH).</summary>
    public void Resize(int width, int height) =>
        Tmux("resize-window", "-t", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y",
            height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Polls the screen every 50 ms until <paramref name="condition"/> holds; fails with the last screen otherwise.</summary>
    public string WaitFor(Func<string, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultWait;
        while (true)
        {
            var screen = Capture();
            if (condition(screen)) return screen;
            if (deadline.Elapsed > limit)
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {what ?? "the screen"}; the screen:\n{screen}");
            Thread.Sleep(50);
        }
    }

    public string WaitForText(string text, TimeSpan? timeout = null) =>
        WaitFor(screen => screen.Contains(text, StringComparison.Ordinal), timeout, $"'{text}'");

    /// <summary>Waits until a tmux flag (e.g. alternate_on) has a value.</summary>
    public void WaitForFlag(string name, string value, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultWait;
        while (Format($"#{{{name}}}") != value)
        {
            if (deadline.Elapsed > limit)
                throw new TimeoutException($"waited {limit.TotalSeconds:0.#} s for {name}={value}; the screen:\n{Capture()}");
            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone: the command ended and tmux exited with it.
        }
    }

    private string Format(string format) => Tmux("display-message", "-p", "-t", Target, format).Trim();

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("tmux is not installed"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // -f /dev/null: no user or system configuration changes what the tests see.
        foreach (var arg in (string[])["-L", _socket, "-f", "/dev/null", .. args]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)}: exit {process.ExitCode}: {stderr.Trim()}");
        return stdout.Result;
    }
}
