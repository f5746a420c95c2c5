namespace MailSetupTui.Tui.Terminal;

/// <summary>The escape sequences the terminal layer sends, named (xterm / ECMA-48 / DEC).</summary>
public static class Ansi
{
    public const string Esc = "\u001b";
    public const string Csi = "\u001b[";

    /// <summary>DEC 2026: the terminal shows the frame only when it is complete (ignored where unknown).</summary>
    public const string BeginSynchronizedUpdate = "\u001b[?2026h";
    public const string EndSynchronizedUpdate = "\u001b[?2026l";

    /// <summary>xterm 1049: the alternate screen, with the main screen and cursor saved and restored.</summary>
    public const string EnterAlternateScreen = "\u001b[?1049h";
    public const string LeaveAlternateScreen = "\u001b[?1049l";

    public const string HideCursor = "\u001b[?25l";
    public const string ShowCursor = "\u001b[?25h";

    /// <summary>DECAWM off: writing the last column must not scroll the screen.</summary>
    public const string DisableLineWrap = "\u001b[?7l";
    public const string EnableLineWrap = "\u001b[?7h";

    public const string ResetStyle = "\u001b[0m";
    public const string CursorHome = "\u001b[H";
    public const string ClearScreen = "\u001b[2J";
    public const string ClearToEndOfLine = "\u001b[K";

    /// <summary>DECCKM off: cursor keys send normal (CSI) sequences again, not application (SS3) ones.</summary>
    public const string NormalCursorKeys = "\u001b[?1l";

    /// <summary>DECKPNM: the keypad sends digits again (after DECKPAM, <c>ESC =</c>).</summary>
    public const string NumericKeypad = "\u001b>";

    /// <summary>DECSTBM with no parameters: the scroll region back to the whole screen.</summary>
    public const string ResetScrollRegion = "\u001b[r";
}
