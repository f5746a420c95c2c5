using System.Buffers;
using System.Globalization;
using System.Text;

namespace MailSetup.Benchmarks.Tui;

/// <summary>
/// Just enough of a terminal to read back what the product drew: the sequences its frame diff sends
/// (cursor position CUP/CHA, erase EL/ED, scroll region DECSTBM with scroll-up SU, SGR and private
/// modes ignored) applied to a grid of characters, no line wrap (the product turns it off). Lets the
/// harness read what is on the screen even when a frame rewrote only the cells that changed.
/// </summary>
internal sealed class VirtualScreen(int width, int height)
{
    private readonly char[][] _rows = Enumerable.Range(0, height).Select(_ => Blank(width)).ToArray();
    private int _x;
    private int _y;
    private int _top;
    private int _bottom = height - 1;

    private static char[] Blank(int width) => Enumerable.Repeat(' ', width).ToArray();

    public string Row(int y) => new(_rows[y]);

    public IEnumerable<string> Text => _rows.Select(r => new string(r));

    /// <summary>Applies output bytes; <paramref name="bytes"/> must end on a sequence boundary (a frame end is one).</summary>
    public void Apply(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b == 0x1b)
            {
                i = Escape(bytes, i);
                continue;
            }
            if (b == '\r') { _x = 0; i++; continue; }
            if (b == '\n') { _y = Math.Min(_y + 1, height - 1); i++; continue; }
            if (b < 0x20) { i++; continue; }
            if (Rune.DecodeFromUtf8(bytes[i..], out var rune, out var used) != OperationStatus.Done) used = Math.Max(1, used);
            Put(rune.IsBmp ? (char)rune.Value : '?');
            i += used;
        }
    }

    private void Put(char c)
    {
        if (_y >= 0 && _y < height && _x >= 0 && _x < width) _rows[_y][_x] = c;
        if (_x < width - 1) _x++;
    }

    private int Escape(ReadOnlySpan<byte> bytes, int i)
    {
        if (i + 1 >= bytes.Length) return bytes.Length;
        if (bytes[i + 1] != '[') return i + 2; // ESC x: nothing the product sends matters here
        var j = i + 2;
        var isPrivate = j < bytes.Length && bytes[j] == '?';
        if (isPrivate) j++;
        var start = j;
        while (j < bytes.Length && (bytes[j] is >= (byte)'0' and <= (byte)'9' || bytes[j] == ';')) j++;
        if (j >= bytes.Length) return bytes.Length;
        var parameters = Encoding.ASCII.GetString(bytes[start..j]).Split(';');
        var final = (char)bytes[j];
        if (!isPrivate) Csi(final, parameters);
        return j + 1;
    }

    private static int Arg(string[] parameters, int index, int fallback) =>
        index < parameters.Length && int.TryParse(parameters[index], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : fallback;

    private void Csi(char final, string[] p)
    {
        switch (final)
        {
            case 'H':
            case 'f':
                _y = Math.Clamp(Arg(p, 0, 1) - 1, 0, height - 1);
                _x = Math.Clamp(Arg(p, 1, 1) - 1, 0, width - 1);
                break;
            case 'G':
                _x = Math.Clamp(Arg(p, 0, 1) - 1, 0, width - 1);
                break;
            case 'K':
                for (var x = _x; x < width; x++) _rows[_y][x] = ' ';
                break;
            case 'J':
                if (Arg(p, 0, 0) == 2) foreach (var row in _rows) Array.Fill(row, ' ');
                break;
            case 'r':
                _top = Math.Clamp(Arg(p, 0, 1) - 1, 0, height - 1);
                _bottom = Math.Clamp(Arg(p, 1, height) - 1, _top, height - 1);
                (_x, _y) = (0, 0);
                break;
            case 'S':
                var lines = Arg(p, 0, 1);
                for (var n = 0; n < lines; n++)
                {
                    var first = _rows[_top];
                    for (var y = _top; y < _bottom; y++) _rows[y] = _rows[y + 1];
                    Array.Fill(first, ' ');
                    _rows[_bottom] = first;
                }
                break;
            default:
                break; // SGR (m) and the rest change no characters
        }
    }
}
