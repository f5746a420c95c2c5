namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// SGR (select graphic rendition) for a cell style. Each change is sent whole, starting from a
/// reset (0;...), so the result never depends on what the terminal had before.
/// </summary>
public static class Sgr
{
    public static void Append(CellStyle style, AnsiBuffer output)
    {
        output.AppendAscii(Ansi.Csi);
        output.Append((byte)'0');
        var a = style.Attributes;
        if ((a & CellAttributes.Bold) != 0) output.AppendAscii(";1");
        if ((a & CellAttributes.Dim) != 0) output.AppendAscii(";2");
        if ((a & CellAttributes.Italic) != 0) output.AppendAscii(";3");
        if ((a & CellAttributes.Underline) != 0) output.AppendAscii(";4");
        if ((a & CellAttributes.Invert) != 0) output.AppendAscii(";7");
        if ((a & CellAttributes.Strikethrough) != 0) output.AppendAscii(";9");
        AppendColor(style.Foreground, 30, 90, 38, output);
        AppendColor(style.Background, 40, 100, 48, output);
        output.Append((byte)'m');
    }

    private static void AppendColor(TerminalColor color, int basic, int bright, int extended, AnsiBuffer output)
    {
        if (color.IsDefault) return;
        output.Append((byte)';');
        if (color.IsIndexed && color.Index < 8)
        {
            output.AppendNumber(basic + color.Index);
        }
        else if (color.IsIndexed && color.Index < 16)
        {
            output.AppendNumber(bright + color.Index - 8);
        }
        else if (color.IsIndexed)
        {
            output.AppendNumber(extended);
            output.AppendAscii(";5;");
            output.AppendNumber(color.Index);
        }
        else
        {
            output.AppendNumber(extended);
            output.AppendAscii(";2;");
            output.AppendNumber(color.R);
            output.Append((byte)';');
            output.AppendNumber(color.G);
            output.Append((byte)';');
            output.AppendNumber(color.B);
        }
    }
}
