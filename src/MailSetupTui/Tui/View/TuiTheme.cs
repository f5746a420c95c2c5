using Spectre.Console;

namespace MailSetupTui.Tui.View;

/// <summary>
/// Styles by meaning, so views never pick colours. Focus and selection use invert and bold, which
/// stay visible when NO_COLOR strips the colours; --ascii swaps the box drawing for plain characters.
/// </summary>
public sealed record TuiTheme(bool Ascii = false)
{
    public Style Normal { get; } = Style.Plain;
    public Style Dim { get; } = new(decoration: Decoration.Dim);
    public Style Title { get; } = new(decoration: Decoration.Bold);
    public Style Focus { get; } = new(decoration: Decoration.Invert | Decoration.Bold);
    public Style Selected { get; } = new(Color.Aqua, decoration: Decoration.Bold);
    public Style Ok { get; } = new(Color.Green);
    public Style Warning { get; } = new(Color.Yellow, decoration: Decoration.Bold);
    public Style Error { get; } = new(Color.Red, decoration: Decoration.Bold);
    public Style Client { get; } = new(Color.Aqua);
    public Style Server { get; } = new(Color.Default);
    public Style Info { get; } = new(Color.Grey);
    public Style Key { get; } = new(decoration: Decoration.Invert);

    public BoxBorder Border => Ascii ? BoxBorder.Ascii : BoxBorder.Rounded;
    public string Check => Ascii ? "[x]" : "[✓]";
    public string Cross => Ascii ? "[!]" : "[✗]";
    public string Separator => Ascii ? "|" : "│";
}
