using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class ScreenBufferTests
{
    [Fact]
    public void A_new_buffer_is_blank()
    {
        var buffer = new ScreenBuffer(4, 2);

        Assert.Equal("\n", buffer.PlainText());
        Assert.Equal("    ", buffer.RowText(0));
    }

    [Fact]
    public void Text_is_clipped_at_the_right_edge()
    {
        var buffer = new ScreenBuffer(4, 1);

        var end = buffer.Write(1, 0, "abcdef");

        Assert.Equal(4, end);
        Assert.Equal(" abc", buffer.PlainText());
    }

    [Fact]
    public void Overwriting_half_of_a_wide_character_blanks_the_other_half()
    {
        var buffer = new ScreenBuffer(4, 1);
        buffer.Write(0, 0, "邮件");

        buffer.Write(1, 0, "x");

        Assert.Equal(" x件", buffer.PlainText());
        Assert.False(buffer[0, 0].IsWide);
    }

    [Fact]
    public void Scrolling_up_moves_rows_and_blanks_the_bottom()
    {
        var buffer = new ScreenBuffer(3, 4);
        for (var y = 0; y < 4; y++) buffer.Write(0, y, $"r{y}");

        buffer.ScrollUp(1, 3, 2);

        Assert.Equal("r0\nr3\n\n", buffer.PlainText());
    }

    [Fact]
    public void Styles_are_read_back_per_cell()
    {
        var buffer = new ScreenBuffer(3, 1);
        var bold = new CellStyle(TerminalColor.Default, TerminalColor.Default, CellAttributes.Bold);

        buffer.Write(1, 0, "b", bold);

        Assert.Equal(CellStyle.Plain, buffer.StyleAt(0, 0));
        Assert.True(buffer.StyleAt(1, 0).Has(CellAttributes.Bold));
    }
}
