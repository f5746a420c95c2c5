using System.Text;
using MailSetup.Core.Display;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// A width x height grid of cells: what one frame looks like. The renderer fills it, the diff
/// compares two of them, tests read it back as plain text and styles.
/// </summary>
public sealed class ScreenBuffer
{
    /// <summary>What a cell shows for an unsafe character that reached the buffer unescaped.</summary>
    public static readonly Rune Unsafe = new('\uFFFD');

    private readonly Cell[] _cells;

    public ScreenBuffer(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        Width = width;
        Height = height;
        _cells = new Cell[width * height];
        Clear();
    }

    public int Width { get; }

    public int Height { get; }

    public Cell this[int x, int y] => _cells[Index(x, y)];

    public ReadOnlySpan<Cell> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return _cells.AsSpan(y * Width, Width);
    }

    public CellStyle StyleAt(int x, int y) => this[x, y].Style;

    public bool SameSize(ScreenBuffer other) => other.Width == Width && other.Height == Height;

    public void Clear() => _cells.AsSpan().Fill(Cell.Blank);

    /// <summary>
    /// Puts one character at (x, y) and returns the column after it. A wide character that does
    /// not fit in the last column becomes a blank (terminals would wrap it); a character of width
    /// 0 is dropped, an unsafe one (<see cref="TerminalText"/>) drawn as <see cref="Unsafe"/>. Overwriting half
    /// of a wide character blanks the other half, as terminals do.
    /// </summary>
    public int Put(int x, int y, Rune rune, CellStyle style)
    {
        if (y < 0 || y >= Height || x < 0 || x >= Width) return x;
        var width = CellWidth.Of(rune);
        if (width == 0) return x;
        // The last guard before the terminal: the views show unsafe text escaped (ViewLines), so a control or a bidi
        // override that still gets here is not drawn. A bidi isolate that Spectre measured one cell wide keeps its cell.
        if (TerminalText.IsUnsafe(rune)) rune = Unsafe;
        if (width == 2 && x == Width - 1)
        {
            SetNarrow(x, y, Cell.BlankWith(style));
            return x + 1;
        }

        if (width == 1)
        {
            SetNarrow(x, y, new Cell(rune, style, 1));
            return x + 1;
        }

        BreakWide(x, y);
        BreakWide(x + 1, y);
        _cells[Index(x, y)] = new Cell(rune, style, 2);
        _cells[Index(x + 1, y)] = Cell.Continuation(style);
        return x + 2;
    }

    /// <summary>Writes text from (x, y) on one row, clipped at the right edge; returns the column after it.</summary>
    public int Write(int x, int y, string text, CellStyle style = default)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (x >= Width) break;
            x = Put(x, y, rune, style);
        }
        return x;
    }

    /// <summary>Fills a row range with blanks of a style.</summary>
    public void FillRow(int y, int fromX, CellStyle style)
    {
        if (y < 0 || y >= Height || fromX >= Width) return;
        fromX = Math.Max(fromX, 0);
        BreakWide(fromX, y);
        _cells.AsSpan(Index(fromX, y), Width - fromX).Fill(Cell.BlankWith(style));
    }

    /// <summary>
    /// Moves rows <paramref name="top"/>..<paramref name="bottom"/> (inclusive) up by
    /// <paramref name="lines"/> and blanks the rows that open at the bottom: exactly what a
    /// terminal does for DECSTBM + SU, so the diff can predict the screen after a scroll.
    /// </summary>
    public void ScrollUp(int top, int bottom, int lines)
    {
        if (top < 0 || bottom >= Height || top > bottom || lines <= 0) return;
        lines = Math.Min(lines, bottom - top + 1);
        var moved = (bottom - top + 1 - lines) * Width;
        _cells.AsSpan(Index(0, top + lines), moved).CopyTo(_cells.AsSpan(Index(0, top), moved));
        _cells.AsSpan(Index(0, bottom - lines + 1), lines * Width).Fill(Cell.Blank);
    }

    public bool RowEquals(int y, ScreenBuffer other, int otherY) =>
        other.Width == Width && Row(y).SequenceEqual(other.Row(otherY));

    public ScreenBuffer Clone()
    {
        var copy = new ScreenBuffer(Width, Height);
        _cells.AsSpan().CopyTo(copy._cells);
        return copy;
    }

    public void CopyTo(ScreenBuffer target)
    {
        if (!SameSize(target)) throw new ArgumentException("buffers differ in size", nameof(target));
        _cells.AsSpan().CopyTo(target._cells);
    }

    /// <summary>One row as text (continuation cells skipped), trailing spaces kept.</summary>
    public string RowText(int y)
    {
        var text = new StringBuilder(Width);
        foreach (var cell in Row(y))
            if (!cell.IsContinuation) text.Append(cell.Rune.ToString());
        return text.ToString();
    }

    /// <summary>Rows joined by '\n' with trailing spaces trimmed: for snapshots and assertions.</summary>
    public string PlainText()
    {
        var text = new StringBuilder(Width * Height);
        for (var y = 0; y < Height; y++)
        {
            if (y > 0) text.Append('\n');
            text.Append(RowText(y).TrimEnd(' '));
        }
        return text.ToString();
    }

    public override string ToString() => PlainText();

    private int Index(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
            throw new ArgumentOutOfRangeException(nameof(x), $"({x},{y}) is outside {Width}x{Height}");
        return y * Width + x;
    }

    private void SetNarrow(int x, int y, Cell cell)
    {
        BreakWide(x, y);
        _cells[Index(x, y)] = cell;
    }

    /// <summary>If (x, y) is half of a wide character, blanks the other half (keeping its style).</summary>
    private void BreakWide(int x, int y)
    {
        if (x < 0 || x >= Width) return;
        var i = Index(x, y);
        var cell = _cells[i];
        if (cell.IsContinuation && x > 0)
        {
            _cells[i - 1] = Cell.BlankWith(_cells[i - 1].Style);
            _cells[i] = Cell.BlankWith(cell.Style);
        }
        else if (cell.IsWide && x + 1 < Width)
        {
            _cells[i + 1] = Cell.BlankWith(_cells[i + 1].Style);
            _cells[i] = Cell.BlankWith(cell.Style);
        }
    }
}
