using System.Globalization;
using System.Text;
using MailSetupTui.Tui.Terminal;
using Spectre.Console;

namespace MailSetupTui.Tests.Support;

/// <summary>
/// A minimal terminal screen for checking what the frame diff sends: printable text (with wide
/// characters and autowrap's pending-wrap state), CUP, CHA, SGR, EL, ED, DECSTBM, SU and the
/// private modes (ignored). Anything else throws, so an unexpected sequence fails the test.
/// Half of a wide character that gets overwritten becomes '?', so a diff that relies on it shows.
/// </summary>
public sealed class VtEmulator
{
    private Cell[] _cells;
    private int _x;
    private int _y;
    private bool _pendingWrap;
    private CellStyle _style;
    private int _top;
    private int _bottom;

    public VtEmulator(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        _cells.AsSpan().Fill(Cell.Blank);
        _bottom = height - 1;
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public bool SynchronizedUpdate { get; private set; }

    public Cell this[int x, int y] => _cells[y * Width + x];

    /// <summary>The terminal was resized: content kept where it fits (what it is does not matter after a full repaint).</summary>
    public void Resize(int width, int height)
    {
        var cells = new Cell[width * height];
        cells.AsSpan().Fill(Cell.Blank);
        _cells = cells;
        (Width, Height, _x, _y, _top, _bottom, _pendingWrap) = (width, height, 0, 0, 0, height - 1, false);
    }

    /// <summary>Row <paramref name="y"/>'s characters, trailing blanks kept.</summary>
    public string RowText(int y)
    {
        var text = new StringBuilder(Width);
        for (var x = 0; x < Width; x++)
            if (!this[x, y].IsContinuation) text.Append(this[x, y].Rune.ToString());
        return text.ToString();
    }

    /// <summary>The whole screen as text, one line per row without trailing blanks.</summary>
    public string ScreenText() => string.Join('\n', Enumerable.Range(0, Height).Select(y => RowText(y).TrimEnd()));

    public void Feed(string output)
    {
        var i = 0;
        while (i < output.Length)
        {
            if (output[i] == '\u001b')
            {
                i = Escape(output, i);
                continue;
            }
            var rune = Rune.GetRuneAt(output, i);
            Print(rune);
            i += rune.Utf16SequenceLength;
        }
    }

    /// <summary>The first cell that differs from <paramref name="expected"/>, described; null when the screens are equal.</summary>
    public string? Difference(ScreenBuffer expected)
    {
        if (expected.Width != Width || expected.Height != Height) return $"size {Width}x{Height}, expected {expected.Width}x{expected.Height}";
        for (var y = 0; y < Height; y++)
        for (var x = 0; x < Width; x++)
        {
            if (this[x, y] != expected[x, y])
                return $"({x},{y}): '{this[x, y]}' {this[x, y].Style} w{this[x, y].Width}, expected '{expected[x, y]}' {expected[x, y].Style} " +
                    $"w{expected[x, y].Width}";
        }
        return null;
    }

    private int Escape(string s, int i)
    {
        if (i + 1 >= s.Length || s[i + 1] != '[') throw new FormatException($"unsupported escape at {i}: {Show(s, i)}");
        var j = i + 2;
        var isPrivate = j < s.Length && s[j] == '?';
        if (isPrivate) j++;
        var start = j;
        while (j < s.Length && (char.IsAsciiDigit(s[j]) || s[j] == ';')) j++;
        if (j >= s.Length) throw new FormatException("unterminated CSI");
        var parameters = s[start..j];
        var final = s[j];
        var p =
            parameters.Length == 0 ? [] : parameters.Split(';').Select(v => v.Length == 0 ? 0 : int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        int Arg(int index, int fallback) => index < p.Length && p[index] != 0 ? p[index] : fallback;

        if (isPrivate)
        {
            if (final is not ('h' or 'l')) throw new FormatException($"unsupported private CSI {Show(s, i)}");
            if (p is [2026]) SynchronizedUpdate = final == 'h';
            return j + 1;
        }

        switch (final)
        {
            case 'H':
                MoveTo(Arg(1, 1) - 1, Arg(0, 1) - 1);
                break;
            case 'G':
                MoveTo(Arg(0, 1) - 1, _y);
                break;
            case 'm':
                Sgr(p);
                break;
            case 'K':
                if (Arg(0, 0) != 0) throw new FormatException("only EL 0");
                for (var x = _x; x < Width; x++) Erase(x, _y);
                _pendingWrap = false;
                break;
            case 'J':
                if (Arg(0, 0) != 2) throw new FormatException("only ED 2");
                for (var y = 0; y < Height; y++)
                for (var x = 0; x < Width; x++)
                    Erase(x, y);
                break;
            case 'r':
                _top = Arg(0, 1) - 1;
                _bottom = Arg(1, Height) - 1;
                if (_top >= _bottom || _bottom >= Height) throw new FormatException($"bad DECSTBM {parameters}");
                MoveTo(0, 0);
                break;
            case 'S':
                ScrollUp(Arg(0, 1));
                break;
            default:
                throw new FormatException($"unsupported CSI {Show(s, i)}");
        }
        return j + 1;
    }

    private void Print(Rune rune)
    {
        var width = rune.ToString().GetCellWidth();
        if (width <= 0) throw new FormatException($"zero-width or control character U+{rune.Value:X4} sent");
        if (_pendingWrap)
        {
            // Autowrap is on in this emulator: a character after the last column lands on the next row.
            _pendingWrap = false;
            _x = 0;
            if (_y == _bottom) ScrollUp(1);
            else if (_y < Height - 1) _y++;
        }
        if (width == 2 && _x == Width - 1) throw new FormatException("wide character sent to the last column");

        BreakWide(_x);
        if (width == 2) BreakWide(_x + 1);
        _cells[_y * Width + _x] = new Cell(rune, _style, (byte)width);
        if (width == 2) _cells[_y * Width + _x + 1] = Cell.Continuation(_style);

        if (_x + width >= Width)
        {
            _x = Width - 1;
            _pendingWrap = true;
        }
        else
        {
            _x += width;
        }
    }

    private void BreakWide(int x)
    {
        var cell = _cells[_y * Width + x];
        if (cell.IsContinuation && x > 0) _cells[_y * Width + x - 1] = Garbage;
        if (cell.IsWide && x + 1 < Width) _cells[_y * Width + x + 1] = Garbage;
    }

    private static Cell Garbage => new(new Rune('?'), CellStyle.Plain, 1);

    private void MoveTo(int x, int y)
    {
        _x = Math.Clamp(x, 0, Width - 1);
        _y = Math.Clamp(y, 0, Height - 1);
        _pendingWrap = false;
    }

    private void Erase(int x, int y) =>
        _cells[y * Width + x] = Cell.BlankWith(new CellStyle(TerminalColor.Default, _style.Background, CellAttributes.None));

    private void ScrollUp(int lines)
    {
        lines = Math.Min(lines, _bottom - _top + 1);
        for (var y = _top; y <= _bottom; y++)
        for (var x = 0; x < Width; x++)
        {
            if (y + lines <= _bottom) _cells[y * Width + x] = _cells[(y + lines) * Width + x];
            else Erase(x, y);
        }
    }

    private void Sgr(int[] p)
    {
        if (p.Length == 0) p = [0];
        var fg = _style.Foreground;
        var bg = _style.Background;
        var a = _style.Attributes;
        for (var i = 0; i < p.Length; i++)
        {
            var v = p[i];
            switch (v)
            {
                case 0: (fg, bg, a) = (TerminalColor.Default, TerminalColor.Default, CellAttributes.None); break;
                case 1: a |= CellAttributes.Bold; break;
                case 2: a |= CellAttributes.Dim; break;
                case 3: a |= CellAttributes.Italic; break;
                case 4: a |= CellAttributes.Underline; break;
                case 7: a |= CellAttributes.Invert; break;
                case 9: a |= CellAttributes.Strikethrough; break;
                case 22: a &= ~(CellAttributes.Bold | CellAttributes.Dim); break;
                case 23: a &= ~CellAttributes.Italic; break;
                case 24: a &= ~CellAttributes.Underline; break;
                case 27: a &= ~CellAttributes.Invert; break;
                case 29: a &= ~CellAttributes.Strikethrough; break;
                case >= 30 and <= 37: fg = TerminalColor.Indexed((byte)(v - 30)); break;
                case 39: fg = TerminalColor.Default; break;
                case >= 40 and <= 47: bg = TerminalColor.Indexed((byte)(v - 40)); break;
                case 49: bg = TerminalColor.Default; break;
                case >= 90 and <= 97: fg = TerminalColor.Indexed((byte)(v - 90 + 8)); break;
                case >= 100 and <= 107: bg = TerminalColor.Indexed((byte)(v - 100 + 8)); break;
                case 38 or 48:
                    TerminalColor color;
                    if (p[i + 1] == 5)
                    {
                        color = TerminalColor.Indexed((byte)p[i + 2]);
                        i += 2;
                    }
                    else if (p[i + 1] == 2)
                    {
                        color = TerminalColor.Rgb((byte)p[i + 2], (byte)p[i + 3], (byte)p[i + 4]);
                        i += 4;
                    }
                    else
                    {
                        throw new FormatException($"bad extended colour {string.Join(';', p)}");
                    }
                    if (v == 38) fg = color;
                    else bg = color;
                    break;
                default: throw new FormatException($"unsupported SGR {v}");
            }
        }
        _style = new CellStyle(fg, bg, a);
    }

    private static string Show(string s, int i) => s.Substring(i, Math.Min(12, s.Length - i)).Replace("\u001b", "ESC", StringComparison.Ordinal);
}
