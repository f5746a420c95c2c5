namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// Rows <see cref="Top"/>..<see cref="Bottom"/> (0-based, inclusive, full width) of the last
/// frame moved up by <see cref="Lines"/>: a log pane that got new lines. The diff then scrolls
/// them on the terminal (DECSTBM + SU) and only draws what is new, instead of redrawing the pane.
/// </summary>
public readonly record struct ScrollHint(int Top, int Bottom, int Lines)
{
    public bool IsValidFor(int height) => Top >= 0 && Bottom < height && Top < Bottom && Lines > 0 && Lines <= Bottom - Top;
}
