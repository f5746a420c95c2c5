using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App.Keys;

/// <summary>
/// One line of the help screen and of the README's key table. Bindings documented together share
/// one; <see cref="OnHelpScreen"/> is false for the keys a dialog or text input names where it opens.
/// </summary>
public sealed record KeyHelp(string Keys, string Text, bool OnHelpScreen = true);

/// <summary>One item of the key bar: the keys as the bar shows them and what they do there.</summary>
public sealed record KeyHint(string Keys, string Action);

/// <summary>A binding: its keys, what they do, the scopes where they do it, and its help line.</summary>
public sealed record KeyBinding(KeyAction Action, IReadOnlyList<KeyPress> Keys, IReadOnlyList<KeyScope> Scopes, KeyHelp Help)
{
    /// <summary>
    /// Ctrl and Alt must match (Ctrl+W edits where W types); Shift is not compared: a shifted
    /// letter is its own character, and Shift+Tab arrives as <see cref="KeyName.BackTab"/>.
    /// </summary>
    public bool Matches(KeyPress key) => Keys.Any(k => k.Name == key.Name && k.Char == key.Char && k.Ctrl == key.Ctrl && k.Alt == key.Alt);

    public bool AppliesIn(IReadOnlyList<KeyScope> context) => Scopes.Any(context.Contains);
}
