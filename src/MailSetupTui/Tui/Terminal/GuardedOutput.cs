namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// The terminal's output as the UI gets it: writes and the session's restore never interleave,
/// and a frame that arrives after the restore is dropped instead of drawn over the shell.
/// </summary>
internal sealed class GuardedOutput(Stream inner) : Stream
{
    private readonly Lock _gate = new();
    private bool _closed;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            if (_closed) return;
            inner.Write(buffer);
            inner.Flush();
        }
    }

    public override void Flush()
    {
    }

    /// <summary>Writes the last bytes (the restore sequence) and lets nothing through after them.</summary>
    public void WriteFinal(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            try
            {
                inner.Write(bytes);
                inner.Flush();
            }
            catch (IOException)
            {
                // The terminal is gone (SIGHUP after the SSH connection dropped): nothing left to restore.
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
