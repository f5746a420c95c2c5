namespace MailSetupTui.Tui.Input;

/// <summary>The keys the UI reacts to. Printable characters are <see cref="Char"/> with the character in <see cref="KeyPress.Char"/>.</summary>
public enum KeyName
{
    Char,
    Enter,
    Escape,
    Tab,

    /// <summary>Shift+Tab, which terminals send as its own sequence (ESC [ Z).</summary>
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}
