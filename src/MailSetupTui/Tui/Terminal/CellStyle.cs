using Spectre.Console;

namespace MailSetupTui.Tui.Terminal;

/// <summary>The text attributes a cell can carry (the SGR ones terminals agree on).</summary>
[Flags]
public enum CellAttributes : byte
{
    None = 0,
    Bold = 1,
    Dim = 2,
    Italic = 4,
    Underline = 8,
    Invert = 16,
    Strikethrough = 32,
}

/// <summary>How one cell looks. <c>default</c> is the terminal's own colours, no attributes.</summary>
public readonly record struct CellStyle(TerminalColor Foreground, TerminalColor Background, CellAttributes Attributes)
{
    public static CellStyle Plain => default;

    public bool Has(CellAttributes attribute) => (Attributes & attribute) == attribute;

    /// <summary>
    /// From a Spectre style. Without colour (NO_COLOR, --no-color) the colours go but the
    /// attributes stay: focus and selection are drawn with invert/bold so they remain visible.
    /// </summary>
    public static CellStyle FromSpectre(Style? style, bool color)
    {
        if (style is null) return Plain;
        var attributes = FromDecoration(style.Decoration);
        return color
            ? new CellStyle(TerminalColor.FromSpectre(style.Foreground), TerminalColor.FromSpectre(style.Background), attributes)
            : new CellStyle(TerminalColor.Default, TerminalColor.Default, attributes);
    }

    private static CellAttributes FromDecoration(Decoration decoration)
    {
        var a = CellAttributes.None;
        if (decoration.HasFlag(Decoration.Bold)) a |= CellAttributes.Bold;
        if (decoration.HasFlag(Decoration.Dim)) a |= CellAttributes.Dim;
        if (decoration.HasFlag(Decoration.Italic)) a |= CellAttributes.Italic;
        if (decoration.HasFlag(Decoration.Underline)) a |= CellAttributes.Underline;
        if (decoration.HasFlag(Decoration.Invert)) a |= CellAttributes.Invert;
        if (decoration.HasFlag(Decoration.Strikethrough)) a |= CellAttributes.Strikethrough;
        return a;
    }

    public override string ToString() => $"fg={Foreground} bg={Background} {Attributes}";
}
