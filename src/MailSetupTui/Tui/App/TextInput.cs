using MailSetupTui.Tui.App.Keys;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

/// <summary>What a key did to a <see cref="TextInput"/>.</summary>
public enum TextInputOutcome
{
    /// <summary>Not a key of the input: the text and cursor are as they were.</summary>
    Ignored,
    Edited,
    Submitted,
    Cancelled,
}

/// <summary>
/// A one-line text input with a cursor and readline's keys (<see cref="KeyMap"/> says which). Bounded
/// by <see cref="MaxLength"/> so a pasted flood cannot grow it without limit; <see cref="Masked"/>
/// inputs (a password) never show their text, not even in <see cref="ToString"/>.
/// </summary>
public sealed record TextInput
{
    public TextInput(string text = "", int maxLength = 200, bool masked = false)
    {
        MaxLength = maxLength;
        Masked = masked;
        Text = text.Length > maxLength ? text[..maxLength] : text;
        Cursor = Text.Length;
    }

    public string Text { get; private init; }

    /// <summary>Where the next character goes: 0 is before the first, <c>Text.Length</c> after the last.</summary>
    public int Cursor { get; private init; }

    public int MaxLength { get; }
    public bool Masked { get; }

    /// <summary>The input after <paramref name="key"/>, and whether the key edited it, submitted, cancelled or was not its own.</summary>
    public (TextInput Input, TextInputOutcome Outcome) Update(KeyPress key)
    {
        var action = KeyMap.Find([KeyScope.TextEntry], key)?.Action;
        if (action is null)
        {
            var printable = key is { Name: KeyName.Char, Ctrl: false, Alt: false } && !char.IsControl(key.Char);
            return printable ? Edited(Insert(key.Char)) : (this, TextInputOutcome.Ignored);
        }
        return action switch
        {
            KeyAction.Submit => (this, TextInputOutcome.Submitted),
            KeyAction.Cancel => (this, TextInputOutcome.Cancelled),
            KeyAction.CursorLeft => Edited(At(Cursor - 1)),
            KeyAction.CursorRight => Edited(At(Cursor + 1)),
            KeyAction.LineStart => Edited(At(0)),
            KeyAction.LineEnd => Edited(At(Text.Length)),
            KeyAction.WordBack => Edited(At(WordStart(Cursor))),
            KeyAction.WordForward => Edited(At(WordEnd(Cursor))),
            KeyAction.DeleteBack => Edited(Cut(Cursor - 1, Cursor)),
            KeyAction.DeleteForward => Edited(Cut(Cursor, Cursor + 1)),
            KeyAction.DeleteToStart => Edited(Cut(0, Cursor)),
            KeyAction.DeleteWordBack => Edited(Cut(SpaceWordStart(Cursor), Cursor)),
            _ => (this, TextInputOutcome.Ignored),
        };
    }

    /// <summary>The text before and after the cursor, for a view that draws the cursor between them.</summary>
    public (string Before, string After) Split => Masked
        ? (new string('*', Cursor), new string('*', Text.Length - Cursor))
        : (Text[..Cursor], Text[Cursor..]);

    public override string ToString() => $"TextInput {{ Text = {(Masked ? "***" : Text)}, Cursor = {Cursor} }}";

    private static (TextInput, TextInputOutcome) Edited(TextInput input) => (input, TextInputOutcome.Edited);

    private TextInput Insert(char c) => Text.Length >= MaxLength ? this : this with { Text = Text.Insert(Cursor, c.ToString()), Cursor = Cursor + 1 };

    private TextInput At(int cursor) => this with { Cursor = Math.Clamp(cursor, 0, Text.Length) };

    private TextInput Cut(int from, int to)
    {
        from = Math.Clamp(from, 0, Text.Length);
        to = Math.Clamp(to, from, Text.Length);
        return this with { Text = Text.Remove(from, to - from), Cursor = Cursor > to ? Cursor - (to - from) : Math.Min(Cursor, from) };
    }

    // Alt+B and Alt+F move over letters and digits (so an address goes part by part), as readline's do.
    private int WordStart(int from)
    {
        while (from > 0 && !char.IsLetterOrDigit(Text[from - 1])) from--;
        while (from > 0 && char.IsLetterOrDigit(Text[from - 1])) from--;
        return from;
    }

    private int WordEnd(int from)
    {
        while (from < Text.Length && !char.IsLetterOrDigit(Text[from])) from++;
        while (from < Text.Length && char.IsLetterOrDigit(Text[from])) from++;
        return from;
    }

    // Ctrl+W deletes back to the previous space, as readline's does: a whole address or path at once.
    private int SpaceWordStart(int from)
    {
        while (from > 0 && char.IsWhiteSpace(Text[from - 1])) from--;
        while (from > 0 && !char.IsWhiteSpace(Text[from - 1])) from--;
        return from;
    }
}
