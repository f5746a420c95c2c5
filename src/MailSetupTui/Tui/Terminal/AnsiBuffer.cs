using System.Buffers;
using System.Text;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// The bytes of one frame, built up before the single write. Grows from the shared array pool
/// and is reused frame after frame, so a frame costs no allocation once warm.
/// </summary>
public sealed class AnsiBuffer : IDisposable
{
    private byte[] _bytes;
    private int _length;

    public AnsiBuffer(int initialCapacity = 16 * 1024) => _bytes = ArrayPool<byte>.Shared.Rent(initialCapacity);

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _bytes.AsSpan(0, _length);

    public ReadOnlyMemory<byte> WrittenMemory => _bytes.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Drops what was appended after <paramref name="length"/> (a frame that turned out empty).</summary>
    public void Truncate(int length) => _length = Math.Clamp(length, 0, _length);

    public void Append(byte b)
    {
        Ensure(1);
        _bytes[_length++] = b;
    }

    /// <summary>Escape sequences and digits: ASCII only, one byte per char.</summary>
    public void AppendAscii(ReadOnlySpan<char> ascii)
    {
        Ensure(ascii.Length);
        for (var i = 0; i < ascii.Length; i++) _bytes[_length + i] = (byte)ascii[i];
        _length += ascii.Length;
    }

    public void AppendNumber(int value)
    {
        Ensure(11);
        value.TryFormat(_bytes.AsSpan(_length), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    public void AppendRune(Rune rune)
    {
        Ensure(4);
        _length += rune.EncodeToUtf8(_bytes.AsSpan(_length));
    }

    /// <summary>Text as the terminal receives it, for tests and traces.</summary>
    public override string ToString() => Encoding.UTF8.GetString(WrittenSpan);

    public void Dispose()
    {
        var bytes = _bytes;
        _bytes = [];
        _length = 0;
        if (bytes.Length > 0) ArrayPool<byte>.Shared.Return(bytes);
    }

    private void Ensure(int more)
    {
        if (_length + more <= _bytes.Length) return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + more));
        _bytes.AsSpan(0, _length).CopyTo(bigger);
        if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = bigger;
    }
}
