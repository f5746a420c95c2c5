using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

/// <summary>A one-line text input: printable keys append, Backspace deletes, nothing else. Bounded so a pasted flood cannot grow it without limit.</summary>
public sealed record TextField(string Text = "", int MaxLength = 200)
{
    /// <summary>The field after <paramref name="key"/>, or null when the key is not an edit (the caller handles it).</summary>
    public TextField? Edit(KeyPress key) => key switch
    {
        { Name: KeyName.Backspace } => this with { Text = Text.Length > 0 ? Text[..^1] : Text },
        { Name: KeyName.Char, Ctrl: false, Alt: false } when !char.IsControl(key.Char) =>
            Text.Length < MaxLength ? this with { Text = Text + key.Char } : this,
        _ => null,
    };
}
