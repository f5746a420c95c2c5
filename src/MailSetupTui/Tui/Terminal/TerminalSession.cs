using System.Runtime.InteropServices;
using System.Text;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// The terminal while the UI owns it: the alternate screen, no cursor, no line wrap, Ctrl+C as a
/// key; keys read on a dedicated thread and resizes noticed (SIGWINCH, plus polling where the
/// signal does not come), both posted to the caller. Everything is put back exactly once: on
/// <see cref="Dispose"/>, on an unhandled exception, at process exit, and on SIGTERM, SIGHUP
/// and SIGINT (after which the runtime's default applies: the process ends).
/// One session per process.
/// </summary>
public sealed class TerminalSession : ITerminalScreen, IDisposable
{
    private const string EnterSequence =
        Ansi.EnterAlternateScreen + Ansi.HideCursor + Ansi.DisableLineWrap + Ansi.ResetStyle + Ansi.CursorHome + Ansi.ClearScreen;

    // An interrupted frame may have left a synchronized update open or a scroll region set; application cursor
    // keys and keypad mode (set by the runtime's key reading, or by text that reached the terminal before) would
    // leave the shell's arrow keys and keypad sending the wrong sequences.
    private const string RestoreSequence =
        Ansi.EndSynchronizedUpdate + Ansi.ResetStyle + Ansi.ResetScrollRegion + Ansi.EnableLineWrap + Ansi.NormalCursorKeys + Ansi.NumericKeypad
        + Ansi.ShowCursor + Ansi.LeaveAlternateScreen;

    private static readonly TimeSpan DefaultResizePoll = TimeSpan.FromMilliseconds(250);

    /// <summary>.NET may refresh its cached window size after our SIGWINCH handler runs: look again shortly after.</summary>
    private static readonly TimeSpan AfterSignal = TimeSpan.FromMilliseconds(15);

    private readonly Action<TerminalEvent> _post;
    private readonly GuardedOutput _output;
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly Timer _resizePoll;
    private readonly TimeSpan _pollInterval;
    private readonly Lock _sizeGate = new();
    private readonly bool _controlCWasInput;
    private int _restored;
    private int _width;
    private int _height;

    private TerminalSession(Action<TerminalEvent> post, TimeSpan pollInterval)
    {
        _post = post;
        _pollInterval = pollInterval;
        _output = new GuardedOutput(Console.OpenStandardOutput());
        (_width, _height) = ReadSize();

        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            TryRegister(signal, OnTerminatingSignal);
        // SIGWINCH does not exist on Windows: the size polling covers it there.
        if (!OperatingSystem.IsWindows()) TryRegister(PosixSignal.SIGWINCH, OnWindowChanged);

        _controlCWasInput = TrySetControlCAsInput(true);
        _output.Write(Encoding.ASCII.GetBytes(EnterSequence));

        var input = new Thread(ReadKeys) { IsBackground = true, Name = "mailsetup terminal input" };
        input.Start();
        _resizePoll = new Timer(_ => CheckSize(), null, pollInterval, pollInterval);
    }

    /// <summary>
    /// Takes over the terminal. <paramref name="post"/> is called from other threads (input,
    /// signals, a timer) and must only queue (e.g. <c>channel.Writer.TryWrite</c>).
    /// </summary>
    public static TerminalSession Start(Action<TerminalEvent> post, TimeSpan? resizePoll = null) =>
        new(post ?? throw new ArgumentNullException(nameof(post)), resizePoll ?? DefaultResizePoll);

    /// <summary>Where frames go (give it to a <see cref="FrameWriter"/>); writes after the restore are dropped.</summary>
    public Stream Output => _output;

    public int Width => Volatile.Read(ref _width);

    public int Height => Volatile.Read(ref _height);

    public bool IsRestored => Volatile.Read(ref _restored) != 0;

    /// <summary>Puts the terminal back as it was; safe to call any number of times, from any thread.</summary>
    public void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0) return;
        _output.WriteFinal(Encoding.ASCII.GetBytes(RestoreSequence));
        TrySetControlCAsInput(_controlCWasInput);
    }

    public void Dispose()
    {
        Restore();
        _resizePoll.Dispose();
        foreach (var registration in _signals) registration.Dispose();
        _signals.Clear();
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        // The input thread stays blocked in ReadKey until the next key or the process exit: it is a
        // background thread and posts nothing once restored.
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void ReadKeys()
    {
        while (!IsRestored)
        {
            if (ReadKey() is not { } info || IsRestored) return;
            if (info is { Key: ConsoleKey.Escape, Modifiers: 0 } && KeyWaiting())
            {
                if (ReadKey() is not { } next) return;
                if (ConsoleKeyMapper.AltOf(next) is { } alt)
                {
                    _post(new KeyEvent(alt));
                    continue;
                }
                _post(new KeyEvent(KeyPress.Of(KeyName.Escape)));
                info = next;
            }
            if (ConsoleKeyMapper.Map(info) is { } key) _post(new KeyEvent(key));
        }
    }

    /// <summary>The next key, or null once there is none to read.</summary>
    private static ConsoleKeyInfo? ReadKey()
    {
        try
        {
            return Console.ReadKey(intercept: true);
        }
        catch (InvalidOperationException)
        {
            return null; // stdin is not a console: TerminalOptions should have refused already
        }
        catch (IOException)
        {
            return null; // the terminal went away
        }
    }

    /// <summary>Whether a key is already read and waiting: then it came with the one before it, not typed after.</summary>
    private static bool KeyWaiting()
    {
        try
        {
            return Console.KeyAvailable;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private void CheckSize()
    {
        if (IsRestored) return;
        var (width, height) = ReadSize();
        if (width <= 0 || height <= 0) return;
        lock (_sizeGate)
        {
            if (width == _width && height == _height) return;
            Volatile.Write(ref _width, width);
            Volatile.Write(ref _height, height);
        }
        _post(new ResizeEvent(width, height));
    }

    private static (int Width, int Height) ReadSize()
    {
        try
        {
            return (Console.WindowWidth, Console.WindowHeight);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    private void OnWindowChanged(PosixSignalContext context)
    {
        context.Cancel = false; // let .NET refresh its idea of the window size too
        CheckSize();
        try
        {
            _resizePoll.Change(AfterSignal, _pollInterval);
        }
        catch (ObjectDisposedException)
        {
            // disposed meanwhile
        }
    }

    private void OnTerminatingSignal(PosixSignalContext context)
    {
        Restore();
        context.Cancel = false; // the default follows: the process ends
    }

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Restore();

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void TryRegister(PosixSignal signal, Action<PosixSignalContext> handler)
    {
        try
        {
            _signals.Add(PosixSignalRegistration.Create(signal, handler));
        }
        catch (PlatformNotSupportedException)
        {
            // SIGWINCH and SIGHUP do not exist on Windows; polling and Dispose still cover it.
        }
    }

    /// <summary>Sets Console.TreatControlCAsInput; returns the value it had (false when there is no console).</summary>
    private static bool TrySetControlCAsInput(bool value)
    {
        try
        {
            var was = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = value;
            return was;
        }
        catch (IOException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
