using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// From what <see cref="Console.ReadKey(bool)"/> decoded to the UI's <see cref="KeyPress"/>.
/// Pure, so every key the UI needs is tested without a terminal.
/// </summary>
public static class ConsoleKeyMapper
{
    /// <summary>The key, or null for what the UI has no use for (a lone modifier, media keys).</summary>
    public static KeyPress? Map(ConsoleKeyInfo info)
    {
        var ctrl = (info.Modifiers & ConsoleModifiers.Control) != 0;
        var alt = (info.Modifiers & ConsoleModifiers.Alt) != 0;
        var shift = (info.Modifiers & ConsoleModifiers.Shift) != 0;

        if (info.Key == ConsoleKey.Tab)
        {
            // Terminals send Shift+Tab as ESC [ Z, which .NET reports as Tab with Shift.
            return shift ? new KeyPress(KeyName.BackTab) : new KeyPress(KeyName.Tab, Ctrl: ctrl, Alt: alt);
        }

        if (Named(info.Key) is { } name) return new KeyPress(name, Ctrl: ctrl, Alt: alt, Shift: shift);

        var c = info.KeyChar;

        // Ctrl+letter arrives as the control character (Ctrl+C is 0x03); with the key name when .NET knows it.
        if (info.Key is >= ConsoleKey.A and <= ConsoleKey.Z && (ctrl || (c >= '\u0001' && c <= '\u001a')))
            return CtrlLetter((char)('a' + (info.Key - ConsoleKey.A)), alt);
        if (c >= '\u0001' && c <= '\u001a' && c is not '\t' and not '\r' and not '\n' and not '\b')
            return CtrlLetter((char)('a' + c - 1), alt);

        switch (c)
        {
            case '\r' or '\n': return new KeyPress(KeyName.Enter, Alt: alt);
            case '\t': return shift ? new KeyPress(KeyName.BackTab) : new KeyPress(KeyName.Tab, Alt: alt);
            case '\u001b': return new KeyPress(KeyName.Escape, Alt: alt);
            case '\b' or '\u007f': return new KeyPress(KeyName.Backspace, Alt: alt);
        }

        if (c != '\0' && !char.IsControl(c)) return new KeyPress(KeyName.Char, c, Ctrl: ctrl, Alt: alt);
        return null;
    }

    /// <summary>
    /// Esc then Ctrl+C arriving together read as Alt+Ctrl+C: Ctrl+C must quit however it comes, so
    /// Alt is dropped from it (no binding uses Alt with Ctrl).
    /// </summary>
    private static KeyPress CtrlLetter(char letter, bool alt) => new(KeyName.Char, letter, Ctrl: true, Alt: alt && letter != 'c');

    /// <summary>
    /// The Alt chord an ESC stands for when <paramref name="next"/> was already waiting behind it.
    /// .NET reads ESC b as Alt+B only when the two bytes arrive alone; bundled with more (fast keys,
    /// a slow link) the ESC comes first on its own, and a text input would take it as Esc and cancel.
    /// Null when <paramref name="next"/> is not a printable character: then the ESC was Esc.
    /// </summary>
    public static KeyPress? AltOf(ConsoleKeyInfo next) =>
        Map(next) is { Name: KeyName.Char, Ctrl: false, Alt: false } key ? key with { Alt = true } : null;

    private static KeyName? Named(ConsoleKey key) =>
        key switch
        {
            ConsoleKey.Enter => KeyName.Enter,
            ConsoleKey.Escape => KeyName.Escape,
            ConsoleKey.Backspace => KeyName.Backspace,
            ConsoleKey.Delete => KeyName.Delete,
            ConsoleKey.UpArrow => KeyName.Up,
            ConsoleKey.DownArrow => KeyName.Down,
            ConsoleKey.LeftArrow => KeyName.Left,
            ConsoleKey.RightArrow => KeyName.Right,
            ConsoleKey.PageUp => KeyName.PageUp,
            ConsoleKey.PageDown => KeyName.PageDown,
            ConsoleKey.Home => KeyName.Home,
            ConsoleKey.End => KeyName.End,
            >= ConsoleKey.F1 and <= ConsoleKey.F12 => KeyName.F1 + (key - ConsoleKey.F1),
            _ => null,
        };
}
