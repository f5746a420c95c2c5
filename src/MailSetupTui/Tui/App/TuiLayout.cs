namespace MailSetupTui.Tui.App;

/// <summary>
/// Screen geometry as a pure function of the size, shared by update (page sizes) and view (what
/// fits). One line of tabs on top, the key bar and a status line at the bottom, the pane between.
/// </summary>
public static class TuiLayout
{
    public const int MinWidth = 40;
    public const int MinHeight = 12;

    /// <summary>Rows inside the pane's border.</summary>
    public static int BodyRows(int height) => Math.Max(1, height - 5);

    /// <summary>Rows of a pane's scrolling list (the body less a header line and a hint line).</summary>
    public static int ListRows(int height) => Math.Max(1, BodyRows(height) - 2);

    public static bool TooSmall(int width, int height) => width < MinWidth || height < MinHeight;
}
