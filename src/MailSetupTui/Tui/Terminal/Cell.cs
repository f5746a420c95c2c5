using System.Text;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// One screen cell. A wide character (CJK, most emoji) is a lead cell of <see cref="Width"/> 2
/// followed by a continuation cell of width 0 that the terminal fills by itself.
/// </summary>
public readonly record struct Cell(Rune Rune, CellStyle Style, byte Width)
{
    public static Cell Blank => new(new Rune(' '), CellStyle.Plain, 1);

    public static Cell BlankWith(CellStyle style) => new(new Rune(' '), style, 1);

    public static Cell Continuation(CellStyle style) => new(new Rune(' '), style, 0);

    public bool IsContinuation => Width == 0;

    public bool IsWide => Width == 2;

    public override string ToString() => IsContinuation ? "(cont)" : Rune.ToString();
}
