namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// Puts frames on the terminal: diffs each against the one shown before and sends the result in
/// exactly one <see cref="Stream.Write(ReadOnlySpan{byte})"/> (one syscall, so a frame is never
/// seen half drawn, even by terminals without synchronized output). Not thread-safe: call it from
/// the UI loop only.
/// </summary>
public sealed class FrameWriter(Stream output) : IDisposable
{
    private readonly FrameDiff _diff = new();
    private readonly AnsiBuffer _bytes = new();
    private ScreenBuffer? _shown;

    /// <summary>Look for rows that moved up (a log pane) and scroll them instead of redrawing.</summary>
    public bool DetectScroll
    {
        get => _diff.DetectScroll;
        set => _diff.DetectScroll = value;
    }

    /// <summary>What the terminal shows now, as far as this writer knows (null before the first frame or after <see cref="Invalidate"/>).</summary>
    public ScreenBuffer? Shown => _shown;

    public long FramesWritten { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Bytes of the last <see cref="Present"/> (0 when nothing changed).</summary>
    public int LastFrameBytes { get; private set; }

    /// <summary>
    /// Shows <paramref name="frame"/>. The frame is copied, so the caller may reuse its buffer.
    /// <paramref name="scroll"/> tells the diff which rows moved up, when the caller knows.
    /// Returns whether anything was written.
    /// </summary>
    public bool Present(ScreenBuffer frame, ScrollHint? scroll = null)
    {
        _bytes.Clear();
        LastFrameBytes = 0;
        if (!_diff.Write(_shown, frame, _bytes, scroll)) return false;

        output.Write(_bytes.WrittenSpan);
        output.Flush();
        LastFrameBytes = _bytes.Length;
        BytesWritten += _bytes.Length;
        FramesWritten++;

        if (_shown is null || !_shown.SameSize(frame)) _shown = frame.Clone();
        else frame.CopyTo(_shown);
        return true;
    }

    /// <summary>The next frame repaints everything: after a resize, Ctrl+L, or anything else that wrote to the screen.</summary>
    public void Invalidate() => _shown = null;

    public void Dispose() => _bytes.Dispose();
}
