namespace MailSetupTui.Tui.Input;

/// <summary>
/// One key as the UI sees it, whatever the terminal sent. Space is <c>Char ' '</c>; Ctrl+C is
/// <c>Char 'c'</c> with <see cref="Ctrl"/> (the UI handles it: quitting is its decision).
/// </summary>
public readonly record struct KeyPress(KeyName Name, char Char = '\0', bool Ctrl = false, bool Alt = false, bool Shift = false)
{
    public static KeyPress Of(char c) => new(KeyName.Char, c);
    public static KeyPress Of(KeyName name) => new(name);
    public static KeyPress CtrlOf(char c) => new(KeyName.Char, char.ToLowerInvariant(c), Ctrl: true);

    public bool IsChar(char c) => Name == KeyName.Char && Char == c && !Ctrl && !Alt;

    public override string ToString() =>
        (Ctrl ? "Ctrl+" : "") + (Alt ? "Alt+" : "") + (Shift && Name != KeyName.Char ? "Shift+" : "") +
            (Name == KeyName.Char ? (Char == ' ' ? "Space" : Char.ToString()) : Name.ToString());
}
