using System.Text;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class FrameWriterTests
{
    private readonly RecordingStream _terminal = new();

    private static ScreenBuffer Frame(string text)
    {
        var frame = new ScreenBuffer(20, 3);
        frame.Write(0, 0, text);
        return frame;
    }

    [Fact]
    public void Each_frame_is_one_write()
    {
        using var writer = new FrameWriter(_terminal);

        writer.Present(Frame("first"));
        writer.Present(Frame("second"));

        Assert.Equal(2, _terminal.Writes.Count);
        Assert.Equal(_terminal.Writes.Sum(w => w.Length), writer.BytesWritten);
        Assert.All(_terminal.Writes, w => Assert.StartsWith("\u001b[?2026h", w, StringComparison.Ordinal));
        Assert.All(_terminal.Writes, w => Assert.EndsWith("\u001b[?2026l", w, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unchanged_frame_writes_nothing()
    {
        using var writer = new FrameWriter(_terminal);
        writer.Present(Frame("same"));

        var written = writer.Present(Frame("same"));

        Assert.False(written);
        Assert.Single(_terminal.Writes);
        Assert.Equal(0, writer.LastFrameBytes);
    }

    [Fact]
    public void The_caller_may_reuse_its_buffer()
    {
        using var writer = new FrameWriter(_terminal);
        var frame = Frame("one");
        writer.Present(frame);

        frame.Write(0, 0, "two");
        writer.Present(frame);

        Assert.Equal("two", _terminal.Writes[^1][(_terminal.Writes[^1].IndexOf('H') + 1)..].Split('\u001b')[0]);
        Assert.Equal("two", writer.Shown!.RowText(0).TrimEnd());
    }

    [Fact]
    public void Invalidate_repaints_everything()
    {
        using var writer = new FrameWriter(_terminal);
        writer.Present(Frame("kept"));

        writer.Invalidate();
        writer.Present(Frame("kept"));

        Assert.Equal(2, _terminal.Writes.Count);
        Assert.Contains("\u001b[2J", _terminal.Writes[1], StringComparison.Ordinal);
        Assert.Contains("kept", _terminal.Writes[1]);
    }

    /// <summary>Keeps every write separately, to count them.</summary>
    private sealed class RecordingStream : Stream
    {
        public List<string> Writes { get; } = [];
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
        public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(Encoding.UTF8.GetString(buffer));
    }
}
