using MailSetupTui.Tui.Terminal;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class SpectreFrameRendererTests
{
    private readonly SpectreFrameRenderer _renderer = new();

    private static IRenderable PanelWithTable()
    {
        var table = new Table().AddColumn("Step").AddColumn("Request");
        table.AddRow("1", "POST /applications");
        table.AddRow("2", "New-ServicePrincipal");
        return new Panel(table) { Header = new PanelHeader("Plan"), Expand = true };
    }

    [Theory]
    [InlineData(120, 40)]
    [InlineData(80, 24)]
    public void A_panel_with_a_table_fills_exactly_the_frame(int width, int height)
    {
        var frame = _renderer.Render(PanelWithTable(), width, height, TerminalOptions.Default);

        Assert.Equal(width, frame.Width);
        Assert.Equal(height, frame.Height);
        var rows = frame.PlainText().Split('\n');
        Assert.Equal(height, rows.Length);
        Assert.StartsWith("┌─Plan", rows[0]);
        Assert.Equal(width, rows[0].Length);
        Assert.EndsWith("┐", rows[0]);
        Assert.Contains(rows, r => r.Contains("POST /applications", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("New-ServicePrincipal", StringComparison.Ordinal));
        // The panel is as tall as its content; the rest of the frame is blank.
        Assert.Equal("", rows[^1]);
    }

    [Fact]
    public void ASCII_gives_ASCII_borders()
    {
        var frame = _renderer.Render(PanelWithTable(), 80, 24, new TerminalOptions(Ascii: true));

        var text = frame.PlainText();
        Assert.StartsWith("+-Plan", text);
        Assert.Contains("| Step | Request", text);
        Assert.DoesNotContain('┌', text);
        Assert.All(text, c => Assert.True(c < 128, $"non-ASCII '{c}'"));
    }

    [Fact]
    public void Wide_characters_take_two_cells()
    {
        var frame = _renderer.Render(new Text("邮件ab"), 10, 1, TerminalOptions.Default);

        Assert.Equal("邮件ab", frame.PlainText());
        Assert.True(frame[0, 0].IsWide);
        Assert.True(frame[1, 0].IsContinuation);
        Assert.Equal("件", frame[2, 0].Rune.ToString());
        Assert.Equal("a", frame[4, 0].Rune.ToString());
    }

    [Fact]
    public void What_overflows_is_clipped()
    {
        var frame = _renderer.Render(new TooWide(rows: 30, width: 100), 20, 5, TerminalOptions.Default);

        Assert.Equal(
            """
            row 1 xxxxxxxxxxxxxx
            row 2 xxxxxxxxxxxxxx
            row 3 xxxxxxxxxxxxxx
            row 4 xxxxxxxxxxxxxx
            row 5 xxxxxxxxxxxxxx
            """.ReplaceLineEndings("\n"),
            frame.PlainText());
    }

    /// <summary>A renderable that ignores the width it is given and the height of the frame.</summary>
    private sealed class TooWide(int rows, int width) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => new(width, width);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
        {
            for (var i = 1; i <= rows; i++)
            {
                yield return new Segment($"row {i} " + new string('x', width));
                yield return Segment.LineBreak;
            }
        }
    }

    [Fact]
    public void A_wide_character_that_does_not_fit_the_last_column_becomes_a_blank()
    {
        var buffer = new ScreenBuffer(3, 1);

        buffer.Write(0, 0, "ab邮");

        Assert.Equal("ab", buffer.PlainText());
        Assert.False(buffer[2, 0].IsWide);
    }

    [Fact]
    public void No_color_drops_colours_but_keeps_invert_and_bold()
    {
        var view = new Rows(
            new Text("focused", new Style(Color.White, Color.Blue, Decoration.Invert)),
            new Text("heading", new Style(Color.Red, decoration: Decoration.Bold)));

        var colored = _renderer.Render(view, 20, 2, TerminalOptions.Default);
        var plain = _renderer.Render(view, 20, 2, new TerminalOptions(Color: false));

        Assert.Equal(TerminalColor.Indexed(12), colored.StyleAt(0, 0).Background);
        Assert.Equal(TerminalColor.Indexed(9), colored.StyleAt(0, 1).Foreground);
        Assert.Equal(new CellStyle(TerminalColor.Default, TerminalColor.Default, CellAttributes.Invert), plain.StyleAt(0, 0));
        Assert.Equal(new CellStyle(TerminalColor.Default, TerminalColor.Default, CellAttributes.Bold), plain.StyleAt(0, 1));
        Assert.Equal(colored.PlainText(), plain.PlainText());
    }

    [Fact]
    public void True_colours_stay_true_colours()
    {
        var frame = _renderer.Render(new Text("x", new Style(new Color(1, 2, 3))), 1, 1, TerminalOptions.Default);

        Assert.Equal(TerminalColor.Rgb(1, 2, 3), frame.StyleAt(0, 0).Foreground);
    }

    [Fact]
    public void Trace_text_with_brackets_renders_literally()
    {
        var view = new Panel(new Text("[IMAP] C: A1 AUTHENTICATE XOAUTH2 [redacted]\n[SMTP] S: 235 2.7.0 [ok]")) { Expand = true };

        var frame = _renderer.Render(view, 60, 4, TerminalOptions.Default);

        Assert.Contains("│ [IMAP] C: A1 AUTHENTICATE XOAUTH2 [redacted]", frame.PlainText());
        Assert.Contains("│ [SMTP] S: 235 2.7.0 [ok]", frame.PlainText());
    }

    [Fact]
    public void Control_characters_in_text_never_reach_the_terminal()
    {
        var hostile = "S: * OK \u001b[2J\u001b]0;owned\u0007 ready\u009b31m\tend";
        var frame = _renderer.Render(new Text(hostile), 60, 1, TerminalOptions.Default);
        using var output = new AnsiBuffer();

        new FrameDiff().Write(null, frame, output);

        Assert.DoesNotContain(frame.PlainText(), c => char.IsControl(c));
        Assert.Contains("S: * OK [2J]0;owned ready31m end", frame.PlainText());
        var sent = output.ToString();
        Assert.DoesNotContain("\u001b]", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("\u009b", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_into_a_buffer_replaces_what_was_there()
    {
        var buffer = new ScreenBuffer(10, 2);
        _renderer.RenderInto(new Text("first frame\nsecond"), buffer, TerminalOptions.Default);

        _renderer.RenderInto(new Text("ok"), buffer, TerminalOptions.Default);

        Assert.Equal("ok\n", buffer.PlainText());
    }
}
