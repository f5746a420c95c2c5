using System.Text;
using Spectre.Console;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// How many cells a character takes, by Spectre's own table, so the buffer agrees with how
/// Spectre measured and wrapped the text it rendered.
/// </summary>
public static class CellWidth
{
    /// <summary>0 (combining marks, controls: not drawn on their own), 1 or 2.</summary>
    public static int Of(Rune rune)
    {
        var value = rune.Value;
        if (value >= 0x20 && value < 0x7F) return 1; // ASCII: most of every frame
        if (value < 0x20 || (value >= 0x7F && value < 0xA0)) return 0;
        var width = rune.IsBmp ? ((char)value).GetCellWidth() : rune.ToString().GetCellWidth();
        return Math.Clamp(width, 0, 2);
    }
}
