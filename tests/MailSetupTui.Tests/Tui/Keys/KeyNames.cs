using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tests.Tui.Keys;

/// <summary>Key names as the help screen, the key bar and the README write them, read back into keys.</summary>
public static class KeyNames
{
    private static readonly Dictionary<string, KeyPress[]> Named = new()
    {
        ["↑"] = [KeyPress.Of(KeyName.Up)],
        ["↓"] = [KeyPress.Of(KeyName.Down)],
        ["↑↓"] = [KeyPress.Of(KeyName.Up), KeyPress.Of(KeyName.Down)],
        ["←"] = [KeyPress.Of(KeyName.Left)],
        ["→"] = [KeyPress.Of(KeyName.Right)],
        ["Tab"] = [KeyPress.Of(KeyName.Tab)],
        ["Shift+Tab"] = [KeyPress.Of(KeyName.BackTab)],
        ["Esc"] = [KeyPress.Of(KeyName.Escape)],
        ["Enter"] = [KeyPress.Of(KeyName.Enter)],
        ["Space"] = [KeyPress.Of(' ')],
        ["Backspace"] = [KeyPress.Of(KeyName.Backspace)],
        ["Delete"] = [KeyPress.Of(KeyName.Delete)],
        ["PgUp"] = [KeyPress.Of(KeyName.PageUp)],
        ["PgDn"] = [KeyPress.Of(KeyName.PageDown)],
        ["Home"] = [KeyPress.Of(KeyName.Home)],
        ["End"] = [KeyPress.Of(KeyName.End)],
    };

    /// <summary>The keys one name stands for; throws for a name nobody could type.</summary>
    public static IReadOnlyList<KeyPress> Parse(string name)
    {
        if (Named.TryGetValue(name, out var keys)) return keys;
        if (name.Length is 2 or 3 && name[0] == 'F' && int.TryParse(name[1..], out var f) && f is >= 1 and <= 12)
            return [KeyPress.Of(KeyName.F1 + (f - 1))];
        if (name.StartsWith("Ctrl+", StringComparison.Ordinal) && name.Length == 6) return [KeyPress.CtrlOf(name[5])];
        if (name.StartsWith("Alt+", StringComparison.Ordinal) && name.Length == 5)
            return [new KeyPress(KeyName.Char, char.ToLowerInvariant(name[4]), Alt: true)];
        if (name.Length == 1) return [KeyPress.Of(name[0])];
        throw new ArgumentException($"not a key name: '{name}'");
    }

    /// <summary>The key names in a label such as "Tab / Shift+Tab": a "/" between two names only separates them.</summary>
    public static IReadOnlyList<string> Tokens(string label)
    {
        var tokens = label.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. tokens.Where((t, i) => !(t == "/" && i > 0 && i < tokens.Length - 1))];
    }

    public static IReadOnlySet<KeyPress> KeysOf(string label) => Tokens(label).SelectMany(Parse).ToHashSet();
}
