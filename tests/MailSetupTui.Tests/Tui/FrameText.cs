using MailSetupTui.Tui.Terminal;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tests.Tui;

/// <summary>A view rendered as the terminal gets it (the product's renderer into a fixed-size buffer), as plain text or as cells with
/// styles.</summary>
public static class FrameText
{
    public static ScreenBuffer Buffer(IRenderable view, int width, int height, bool color = true) =>
        new SpectreFrameRenderer().Render(view, width, height, new TerminalOptions(Color: color));

    public static string Render(IRenderable view, int width, int height) => Buffer(view, width, height).PlainText() + "\n";

    /// <summary>The style of the first cell of the first occurrence of <paramref name="text"/> on screen.</summary>
    public static CellStyle StyleOf(ScreenBuffer buffer, string text)
    {
        for (var y = 0; y < buffer.Height; y++)
        {
            var row = buffer.RowText(y);
            var x = row.IndexOf(text, StringComparison.Ordinal);
            if (x >= 0) return buffer.StyleAt(CellColumn(buffer, y, x), y);
        }
        throw new Xunit.Sdk.XunitException($"'{text}' is not on screen:\n{buffer.PlainText()}");
    }

    // RowText is one character per cell except for wide characters; map a character index back to a cell.
    private static int CellColumn(ScreenBuffer buffer, int y, int index)
    {
        var chars = 0;
        for (var x = 0; x < buffer.Width; x++)
        {
            var cell = buffer[x, y];
            if (cell.IsContinuation) continue;
            if (chars >= index) return x;
            chars += cell.Rune.Utf16SequenceLength;
        }
        return buffer.Width - 1;
    }
}
