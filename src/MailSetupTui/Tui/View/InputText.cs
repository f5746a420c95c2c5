using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

/// <summary>How a text input that has the keys is drawn: its text with a caret where the next character goes.</summary>
internal static class InputText
{
    public const string Caret = "▏";

    /// <summary>A masked input (a password) shows one <c>*</c> per character, never the text.</summary>
    public static string WithCaret(TextInput input)
    {
        var (before, after) = input.Split;
        return before + Caret + after;
    }
}
