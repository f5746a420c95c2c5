using System.Text;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class FrameDiffTests
{
    private const string Begin = "\u001b[?2026h";
    private const string End = "\u001b[?2026l";

    private readonly FrameDiff _diff = new();

    private string Diff(ScreenBuffer? previous, ScreenBuffer next, ScrollHint? hint = null)
    {
        using var output = new AnsiBuffer();
        _diff.Write(previous, next, output, hint);
        return output.ToString();
    }

    private static ScreenBuffer Frame(int width, int height, params string[] rows)
    {
        var buffer = new ScreenBuffer(width, height);
        for (var y = 0; y < rows.Length; y++) buffer.Write(0, y, rows[y]);
        return buffer;
    }

    [Fact]
    public void Identical_frames_write_nothing()
    {
        var frame = Frame(10, 3, "abc", "def");

        Assert.Equal("", Diff(frame, frame.Clone()));
    }

    [Fact]
    public void One_changed_cell_is_a_cursor_move_and_that_cell()
    {
        var before = Frame(10, 3, "abc", "def");
        var after = Frame(10, 3, "abc", "dXf");

        Assert.Equal(Begin + "\u001b[2;2HX" + End, Diff(before, after));
    }

    [Fact]
    public void A_style_change_sends_SGR_and_resets_at_the_end()
    {
        var before = Frame(10, 1, "abc");
        var after = before.Clone();
        after.Write(1, 0, "b", new CellStyle(TerminalColor.Indexed(1), TerminalColor.Default, CellAttributes.Bold | CellAttributes.Invert));

        Assert.Equal(Begin + "\u001b[1;2H\u001b[0;1;7;31mb\u001b[0m" + End, Diff(before, after));
    }

    [Fact]
    public void Two_changes_on_a_row_close_together_are_one_run()
    {
        var before = Frame(20, 1, "abcdefgh");
        var after = Frame(20, 1, "aXcdeYgh");

        Assert.Equal(Begin + "\u001b[1;2HXcdeY" + End, Diff(before, after));
    }

    [Fact]
    public void A_blanked_row_end_is_erased_to_the_end_of_the_line()
    {
        var before = Frame(20, 1, "a long line of text");
        var after = Frame(20, 1, "a");

        Assert.Equal(Begin + "\u001b[1;2H\u001b[K" + End, Diff(before, after));
    }

    [Fact]
    public void Without_a_previous_frame_everything_is_painted()
    {
        var output = Diff(null, Frame(5, 2, "hi", "yo"));

        Assert.StartsWith(Begin + "\u001b[0m\u001b[H\u001b[2J", output, StringComparison.Ordinal);
        Assert.Contains("hi", output);
        Assert.Contains("yo", output);
        Assert.EndsWith(End, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resize_repaints_everything()
    {
        var output = Diff(Frame(5, 2, "hi", "yo"), Frame(6, 2, "hi", "yo"));

        Assert.StartsWith(Begin + "\u001b[0m\u001b[H\u001b[2J", output, StringComparison.Ordinal);
        Assert.Contains("hi", output);
    }

    [Fact]
    public void Rows_that_moved_up_are_scrolled_not_redrawn()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"[IMAP] S: * line {i} " + new string('.', 60)).ToArray();
        var before = Frame(100, 20, ["header", .. lines[0..18], "footer"]);
        var after = Frame(100, 20, ["header", .. lines[1..19], "footer"]);

        var output = Diff(before, after);

        Assert.Equal(new ScrollHint(1, 18, 1), _diff.LastScroll);
        Assert.Contains("\u001b[2;19r\u001b[1S\u001b[r", output, StringComparison.Ordinal);
        Assert.Contains("line 19 ", output);
        Assert.DoesNotContain("line 18 ", output);
        Assert.True(output.Length < 150, $"{output.Length} bytes: {output}");
        AssertEmulated(before, after, output);
    }

    [Fact]
    public void Without_scroll_detection_the_rows_are_redrawn()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"line {i} " + new string('.', 60)).ToArray();
        var before = Frame(100, 20, ["header", .. lines[0..18], "footer"]);
        var after = Frame(100, 20, ["header", .. lines[1..19], "footer"]);
        _diff.DetectScroll = false;

        var output = Diff(before, after);

        Assert.Null(_diff.LastScroll);
        Assert.DoesNotContain("S\u001b[r", output, StringComparison.Ordinal);
        AssertEmulated(before, after, output);
    }

    [Fact]
    public void A_scroll_hint_is_used_even_without_detection()
    {
        var before = Frame(30, 6, "title", "one", "two", "three", "four", "keys");
        var after = Frame(30, 6, "title", "two", "three", "four", "five", "keys");
        _diff.DetectScroll = false;

        var output = Diff(before, after, new ScrollHint(1, 4, 1));

        Assert.Equal(Begin + "\u001b[0m\u001b[2;5r\u001b[1S\u001b[r\u001b[5Hfive" + End, output);
        AssertEmulated(before, after, output);
    }

    [Fact]
    public void A_log_pane_beside_a_static_pane_still_scrolls()
    {
        static string Row(string nav, int line) => $"│{nav,-10}│ {line,3} {new string((char)('a' + line % 26), 40)}".PadRight(70) + "│";
        string[] nav = ["> Setup", "  Plan", "  Apply"];
        var before = Frame(71, 20, Enumerable.Range(0, 20).Select(y => Row(y < nav.Length ? nav[y] : "", y)).ToArray());
        var after = Frame(71, 20, Enumerable.Range(0, 20).Select(y => Row(y < nav.Length ? nav[y] : "", y + 1)).ToArray());

        var output = Diff(before, after);
        var withoutScroll = new FrameDiff { DetectScroll = false };
        using var redrawn = new AnsiBuffer();
        withoutScroll.Write(before, after, redrawn);

        Assert.NotNull(_diff.LastScroll);
        Assert.True(output.Length * 4 < redrawn.Length, $"{output.Length} bytes scrolled, {redrawn.Length} redrawn");
        AssertEmulated(before, after, output);
    }

    [Fact]
    public void Wide_characters_are_written_whole_when_half_of_one_changes()
    {
        var before = Frame(6, 1, "邮件ab");
        var after = Frame(6, 1, "x件ab");

        var output = Diff(before, after);

        AssertEmulated(before, after, output);
    }

    [Fact]
    public void Random_frame_pairs_emulate_to_the_next_frame()
    {
        var random = new Random(20261122);
        for (var run = 0; run < 2000; run++)
        {
            var width = random.Next(1, 30);
            var height = random.Next(1, 12);
            var previous = RandomFrame(random, width, height);
            var next = random.Next(10) switch
            {
                0 => RandomFrame(random, random.Next(1, 30), random.Next(1, 12)),
                1 => previous.Clone(),
                2 or 3 => Scrolled(random, previous),
                _ => Mutated(random, previous),
            };
            ScrollHint? hint = random.Next(6) == 0 && height > 2
                ? new ScrollHint(0, height - 1, random.Next(1, height - 1)) // even a wrong hint must give the right screen
                : null;

            var terminal = new VtEmulator(width, height);
            terminal.Feed(Diff(null, previous));
            Assert.True(terminal.Difference(previous) is null, $"run {run}, first frame: {terminal.Difference(previous)}");

            if (!next.SameSize(previous)) terminal.Resize(next.Width, next.Height);
            var output = Diff(previous, next, hint);
            terminal.Feed(output);
            Assert.True(terminal.Difference(next) is null,
                $"run {run}: {terminal.Difference(next)}\n{output.Replace("\u001b", "ESC", StringComparison.Ordinal)}");
            Assert.False(terminal.SynchronizedUpdate, $"run {run}: synchronized update left open");
        }
    }

    private static void AssertEmulated(ScreenBuffer before, ScreenBuffer after, string diff)
    {
        var terminal = new VtEmulator(before.Width, before.Height);
        using var full = new AnsiBuffer();
        new FrameDiff().Write(null, before, full);
        terminal.Feed(full.ToString());
        terminal.Feed(diff);
        Assert.Null(terminal.Difference(after));
    }

    private static readonly string[] Alphabet = ["a", "b", "c", " ", " ", " ", "[", "邮", "件", "é", "─"];

    private static readonly CellStyle[] Styles =
    [
        CellStyle.Plain,
        CellStyle.Plain,
        new(TerminalColor.Default, TerminalColor.Default, CellAttributes.Bold),
        new(TerminalColor.Indexed(1), TerminalColor.Default, CellAttributes.None),
        new(TerminalColor.Indexed(12), TerminalColor.Indexed(4), CellAttributes.Invert),
        new(TerminalColor.Indexed(200), TerminalColor.Default, CellAttributes.Underline | CellAttributes.Italic),
        new(TerminalColor.Rgb(10, 20, 30), TerminalColor.Rgb(200, 100, 0), CellAttributes.Dim | CellAttributes.Strikethrough),
        new(TerminalColor.Default, TerminalColor.Indexed(2), CellAttributes.None),
    ];

    private static ScreenBuffer RandomFrame(Random random, int width, int height)
    {
        var buffer = new ScreenBuffer(width, height);
        for (var y = 0; y < height; y++) RandomRow(random, buffer, y);
        return buffer;
    }

    private static void RandomRow(Random random, ScreenBuffer buffer, int y)
    {
        var x = 0;
        var length = random.Next(buffer.Width + 1);
        while (x < length)
            x = buffer.Put(x, y, Rune.GetRuneAt(Alphabet[random.Next(Alphabet.Length)], 0), Styles[random.Next(Styles.Length)]);
    }

    private static ScreenBuffer Mutated(Random random, ScreenBuffer previous)
    {
        var next = previous.Clone();
        var changes = random.Next(1, 8);
        for (var i = 0; i < changes; i++)
        {
            var y = random.Next(next.Height);
            if (random.Next(4) == 0)
            {
                next.FillRow(y, random.Next(next.Width), random.Next(2) == 0 ? CellStyle.Plain : Styles[random.Next(Styles.Length)]);
                continue;
            }
            var x = random.Next(next.Width);
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Alphabet[random.Next(Alphabet.Length)]));
            next.Write(x, y, text, Styles[random.Next(Styles.Length)]);
        }
        return next;
    }

    /// <summary>A pane of rows that moved up by some lines, with new rows at its bottom: what a log view does.</summary>
    private static ScreenBuffer Scrolled(Random random, ScreenBuffer previous)
    {
        var next = previous.Clone();
        if (next.Height < 3) return Mutated(random, previous);
        var top = random.Next(next.Height - 2);
        var bottom = random.Next(top + 2, next.Height);
        var lines = random.Next(1, bottom - top + 1);
        next.ScrollUp(top, bottom, lines);
        for (var y = bottom - lines + 1; y <= bottom; y++) RandomRow(random, next, y);
        return next;
    }
}
