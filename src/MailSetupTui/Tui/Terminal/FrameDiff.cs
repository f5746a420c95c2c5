namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// Writes the escape sequences that turn the screen showing one frame into the next: only the
/// runs of cells that changed, the cursor moved only when it is not already there, the style
/// (SGR) sent only when it changes, the style reset at the end, all inside one synchronized
/// update. A full repaint when there is no previous frame or the size changed. When rows of the
/// screen moved up (a log pane with new lines), it scrolls them on the terminal first
/// (DECSTBM + SU) and then only draws the difference: about one line of text per new line.
/// Not thread-safe: it keeps scratch buffers between frames.
/// </summary>
public sealed class FrameDiff
{
    /// <summary>Unchanged cells shorter than this between two changes are rewritten: cheaper than a cursor move.</summary>
    private const int GapToRewrite = 6;

    /// <summary>A blank row end at least this long is cleared with EL (3 bytes) instead of spaces.</summary>
    private const int TailToErase = 4;

    /// <summary>Bytes of DECSTBM + SU + reset; a scroll risks nothing else (the diff repairs what it got wrong).</summary>
    private const int ScrollCost = 16;

    /// <summary>Scroll distances costed per frame, the most likely first.</summary>
    private const int MaxScrollCandidates = 3;

    /// <summary>Bytes of a typical CUP.</summary>
    private const int CursorMoveCost = 8;

    private ScreenBuffer? _scratch;
    private int[] _previousHashes = [];
    private int[] _nextHashes = [];
    private int[] _stayCost = [];
    private int[] _votes = [];
    private int[] _openLossPrefix = [];

    // Terminal state as this frame's output leaves it; -1: unknown.
    private int _cursorX;
    private int _cursorY;
    private CellStyle _style;

    /// <summary>Look for rows that moved up when the caller gives no hint (on by default).</summary>
    public bool DetectScroll { get; set; } = true;

    /// <summary>The scroll used by the last <see cref="Write"/>, if any: for tests and measurements.</summary>
    public ScrollHint? LastScroll { get; private set; }

    /// <summary>
    /// Appends to <paramref name="output"/> what turns <paramref name="previous"/> into
    /// <paramref name="next"/>; returns false (and appends nothing) when they are equal.
    /// </summary>
    public bool Write(ScreenBuffer? previous, ScreenBuffer next, AnsiBuffer output, ScrollHint? hint = null)
    {
        var start = output.Length;
        // Every frame ends with the style reset, and so does the session's start: plain is known.
        // The cursor may have been moved by anything (a resize reflows it): unknown.
        _cursorX = _cursorY = -1;
        _style = CellStyle.Plain;
        LastScroll = null;
        output.AppendAscii(Ansi.BeginSynchronizedUpdate);
        var afterBegin = output.Length;

        ScreenBuffer basis;
        if (previous is null || !previous.SameSize(next))
        {
            // Full repaint: from a cleared screen, the diff against a blank frame.
            output.AppendAscii(Ansi.ResetStyle);
            output.AppendAscii(Ansi.CursorHome);
            output.AppendAscii(Ansi.ClearScreen);
            _style = CellStyle.Plain;
            basis = Scratch(next);
            basis.Clear();
        }
        else if ((hint is { } h && h.IsValidFor(next.Height) ? h : DetectScroll ? FindScroll(previous, next) : null) is { } scroll)
        {
            // SU fills the new rows with the current background: reset the style first.
            output.AppendAscii(Ansi.ResetStyle);
            _style = CellStyle.Plain;
            output.AppendAscii(Ansi.Csi);
            output.AppendNumber(scroll.Top + 1);
            output.Append((byte)';');
            output.AppendNumber(scroll.Bottom + 1);
            output.Append((byte)'r');
            output.AppendAscii(Ansi.Csi);
            output.AppendNumber(scroll.Lines);
            output.Append((byte)'S');
            output.AppendAscii(Ansi.ResetScrollRegion);
            basis = Scratch(next);
            previous.CopyTo(basis);
            basis.ScrollUp(scroll.Top, scroll.Bottom, scroll.Lines);
            LastScroll = scroll;
        }
        else
        {
            basis = previous;
        }

        for (var y = 0; y < next.Height; y++) WriteRow(basis, next, y, output);

        if (output.Length == afterBegin)
        {
            output.Truncate(start);
            return false;
        }
        if (_style != CellStyle.Plain) output.AppendAscii(Ansi.ResetStyle);
        output.AppendAscii(Ansi.EndSynchronizedUpdate);
        return true;
    }

    private ScreenBuffer Scratch(ScreenBuffer like)
    {
        if (_scratch is null || !_scratch.SameSize(like)) _scratch = new ScreenBuffer(like.Width, like.Height);
        return _scratch;
    }

    private void WriteRow(ScreenBuffer basis, ScreenBuffer next, int y, AnsiBuffer output)
    {
        var was = basis.Row(y);
        var now = next.Row(y);
        var width = now.Length;
        var tail = BlankTailStart(now);

        var x = 0;
        while (x < width)
        {
            if (was[x] == now[x])
            {
                x++;
                continue;
            }

            // Writing over half of a wide character erases all of it: start at its first half.
            var start = x;
            while (start > 0 && (was[start].IsContinuation || now[start].IsContinuation)) start--;

            var lastChange = x;
            var j = x + 1;
            while (j < width && j - lastChange <= GapToRewrite)
            {
                if (was[j] != now[j]) lastChange = j;
                j++;
            }
            var end = lastChange + 1;
            while (end < width && (was[end].IsContinuation || now[end].IsContinuation || now[end - 1].IsWide)) end++;

            if (end > tail && width - tail >= TailToErase)
            {
                // The rest of the row is blank: draw up to it, then erase to the end of the line.
                if (start < tail) WriteCells(now, start, tail, y, output);
                else MoveTo(tail, y, output);
                SetStyle(CellStyle.Plain, output);
                output.AppendAscii(Ansi.ClearToEndOfLine);
                return;
            }

            WriteCells(now, start, end, y, output);
            x = end;
        }
    }

    /// <summary>Where the row's trailing run of plain blanks starts (width when there is none).</summary>
    private static int BlankTailStart(ReadOnlySpan<Cell> row)
    {
        var blank = Cell.Blank;
        var t = row.Length;
        while (t > 0 && row[t - 1] == blank) t--;
        return t;
    }

    private void WriteCells(ReadOnlySpan<Cell> row, int from, int to, int y, AnsiBuffer output)
    {
        MoveTo(from, y, output);
        for (var x = from; x < to; x++)
        {
            var cell = row[x];
            if (cell.IsContinuation) continue; // the wide character before it covered it
            SetStyle(cell.Style, output);
            output.AppendRune(cell.Rune);
            _cursorX += cell.Width;
        }
        // After the last column the cursor sits in the "pending wrap" state: where is terminal-specific.
        if (_cursorX >= row.Length) _cursorX = _cursorY = -1;
    }

    private void MoveTo(int x, int y, AnsiBuffer output)
    {
        if (_cursorX == x && _cursorY == y) return;
        output.AppendAscii(Ansi.Csi);
        if (_cursorY == y)
        {
            // CHA: same row, only the column (shorter than CUP).
            output.AppendNumber(x + 1);
            output.Append((byte)'G');
        }
        else
        {
            output.AppendNumber(y + 1);
            if (x > 0)
            {
                output.Append((byte)';');
                output.AppendNumber(x + 1);
            }
            output.Append((byte)'H');
        }
        (_cursorX, _cursorY) = (x, y);
    }

    private void SetStyle(CellStyle style, AnsiBuffer output)
    {
        if (_style == style) return;
        Sgr.Append(style, output);
        _style = style;
    }

    /// <summary>
    /// The scroll that leaves the least to redraw: for the few distances k at which most changed
    /// rows reappear whole (found by row hashes), the block of rows that costs less to draw from
    /// the rows k below them in the last frame than from the rows they replace, minus the extra
    /// cost of the k rows that open blank at its bottom (Kadane's maximum sum). Costing cells, not
    /// requiring whole rows to match, lets a log pane beside a navigation pane scroll too: the
    /// navigation cells that moved with it are redrawn, which is much less than the log.
    /// Null when no scroll pays for itself.
    /// </summary>
    private ScrollHint? FindScroll(ScreenBuffer previous, ScreenBuffer next)
    {
        var height = next.Height;
        if (height < 3) return null;
        if (_previousHashes.Length != height)
        {
            _previousHashes = new int[height];
            _nextHashes = new int[height];
            _stayCost = new int[height];
            _openLossPrefix = new int[height + 1];
        }

        for (var y = 0; y < height; y++)
        {
            _previousHashes[y] = RowHash(previous.Row(y));
            _nextHashes[y] = RowHash(next.Row(y));
        }
        var changedRows = 0;
        for (var y = 0; y < height; y++)
        {
            _stayCost[y] = Cost(next, y, previous, y);
            if (_stayCost[y] > 0) changedRows++;
            // A row that opens blank at the bottom of the scroll costs all its non-blank cells instead.
            var nonBlank = next.Width - Blanks(next.Row(y));
            _openLossPrefix[y + 1] = _openLossPrefix[y] + (nonBlank == 0 ? 0 : nonBlank + CursorMoveCost) - _stayCost[y];
        }
        if (changedRows < 2) return null;

        // Only distances at which some changed row reappears whole are worth costing (cheap: hashes).
        if (_votes.Length != height) _votes = new int[height];
        Array.Clear(_votes);
        for (var y = 0; y < height; y++)
        {
            if (_stayCost[y] == 0) continue;
            for (var k = 1; y + k < height; k++)
                if (_nextHashes[y] == _previousHashes[y + k]) _votes[k]++;
        }

        ScrollHint? best = null;
        var bestGain = ScrollCost;
        for (var candidate = 0; candidate < MaxScrollCandidates; candidate++)
        {
            var k = 0;
            for (var d = 1; d < height; d++)
                if (_votes[d] > _votes[k]) k = d;
            if (k == 0) break;
            _votes[k] = 0;

            var run = 0;
            var runStart = 0;
            for (var y = 0; y + k < height; y++)
            {
                var gain = _stayCost[y] - Cost(next, y, previous, y + k);
                if (run <= 0)
                {
                    run = gain;
                    runStart = y;
                }
                else
                {
                    run += gain;
                }
                var total = run - (_openLossPrefix[y + k + 1] - _openLossPrefix[y + 1]);
                if (total > bestGain)
                {
                    bestGain = total;
                    best = new ScrollHint(runStart, y + k, k);
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Roughly the bytes to turn row <paramref name="previousY"/> of the last frame into row
    /// <paramref name="y"/> of the next: nothing when equal, else a cursor move and the cells that differ.
    /// </summary>
    private int Cost(ScreenBuffer next, int y, ScreenBuffer previous, int previousY)
    {
        var now = next.Row(y);
        var was = previous.Row(previousY);
        if (_nextHashes[y] == _previousHashes[previousY] && now.SequenceEqual(was)) return 0;
        var differ = 0;
        for (var x = 0; x < now.Length; x++)
            if (now[x] != was[x]) differ++;
        return differ == 0 ? 0 : differ + CursorMoveCost;
    }

    private static int Blanks(ReadOnlySpan<Cell> row)
    {
        var blank = Cell.Blank;
        var count = 0;
        foreach (var cell in row)
            if (cell == blank) count++;
        return count;
    }

    /// <summary>Equal hashes let equal rows skip the cell count; they are confirmed by comparing the rows.</summary>
    private static int RowHash(ReadOnlySpan<Cell> row)
    {
        var hash = new HashCode();
        foreach (var cell in row) hash.Add(cell);
        return hash.ToHashCode();
    }
}
