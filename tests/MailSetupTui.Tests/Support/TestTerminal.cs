using System.Text;
using System.Threading.Channels;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Support;

/// <summary>
/// A terminal for in-process tests, as Ratatui's TestBackend: typed answers from a string, and a
/// full screen whose bytes go through a <see cref="VtEmulator"/> so a test reads what a person would
/// see, sends keys and resizes, and waits for text to appear. Not interactive unless asked, so
/// commands that would prompt need --yes, as in a pipe. Standard output and error are the terminal when it is interactive, unless
/// <paramref name="outputsAreTerminal"/> says otherwise (one of them redirected).
/// </summary>
public sealed class TestTerminal(bool interactive = false, string input = "", int width = 100, int height = 30, bool? outputsAreTerminal = null)
    : ITerminal
{
    private TestScreen? _screen;

    public bool Interactive => interactive;

    public bool OutputsAreTerminal => outputsAreTerminal ?? interactive;

    public TextReader Input { get; } = new StringReader(input);

    /// <summary>The screen the UI opened; throws before it did.</summary>
    public TestScreen Screen => _screen ?? throw new InvalidOperationException("The UI has not opened the screen.");

    /// <summary>Completes once the UI opened the screen.</summary>
    public Task<TestScreen> Opened => _opened.Task;

    private readonly TaskCompletionSource<TestScreen> _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ITerminalScreen Open(Action<TerminalEvent> post)
    {
        _screen = new TestScreen(post, width, height);
        _opened.SetResult(_screen);
        return _screen;
    }
}

/// <summary>The screen of a <see cref="TestTerminal"/>: what was drawn, and the keys and resizes a person would send.</summary>
public sealed class TestScreen : ITerminalScreen
{
    private readonly Action<TerminalEvent> _post;
    private readonly ScreenStream _output;
    private readonly VtEmulator _screen;
    private readonly Lock _gate = new();
    private readonly Channel<bool> _drawn = Channel.CreateUnbounded<bool>();

    public TestScreen(Action<TerminalEvent> post, int width, int height)
    {
        _post = post;
        _screen = new VtEmulator(width, height);
        _output = new ScreenStream(this);
        (Width, Height) = (width, height);
    }

    public Stream Output => _output;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Every byte the UI wrote, as text.</summary>
    public string Written
    {
        get
        {
            lock (_gate) return _output.Text.ToString();
        }
    }

    /// <summary>What the screen shows now.</summary>
    public string Text
    {
        get
        {
            lock (_gate) return _screen.ScreenText();
        }
    }

    public Cell CellAt(int x, int y)
    {
        lock (_gate) return _screen[x, y];
    }

    public void Press(KeyPress key) => _post(new KeyEvent(key));

    public void Type(string text)
    {
        foreach (var c in text) Press(KeyPress.Of(c));
    }

    public void Resize(int width, int height)
    {
        lock (_gate)
        {
            (Width, Height) = (width, height);
            _screen.Resize(width, height);
        }
        _post(new ResizeEvent(width, height));
    }

    /// <summary>Waits until the screen shows <paramref name="text"/>; fails with the screen as it is when it does not within <paramref
    /// name="timeout"/>.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        while (!Text.Contains(text, StringComparison.Ordinal))
        {
            try
            {
                await _drawn.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The screen never showed '{text}'. It shows:\n{Text}");
            }
        }
        return Text;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private void Drawn(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var text = Encoding.UTF8.GetString(bytes);
            _output.Text.Append(text);
            _screen.Feed(text);
        }
        _drawn.Writer.TryWrite(true);
    }

    /// <summary>Frames arrive in one write each (FrameWriter's promise), so each write is whole UTF-8.</summary>
    private sealed class ScreenStream(TestScreen screen) : Stream
    {
        public StringBuilder Text { get; } = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => screen.Drawn(buffer);
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
