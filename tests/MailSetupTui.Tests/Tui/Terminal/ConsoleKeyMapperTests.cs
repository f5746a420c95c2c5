using MailSetupTui.Tui.App.Keys;
using MailSetupTui.Tui.Input;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class ConsoleKeyMapperTests
{
    private static KeyPress? Map(ConsoleKey key, char c = '\0', bool shift = false, bool alt = false, bool ctrl = false) =>
        ConsoleKeyMapper.Map(new ConsoleKeyInfo(c, key, shift, alt, ctrl));

    public static TheoryData<ConsoleKey, char, bool, string> NamedKeys => new()
    {
        { ConsoleKey.Tab, '\t', false, "Tab" },
        { ConsoleKey.Tab, '\t', true, "BackTab" },
        { ConsoleKey.Enter, '\r', false, "Enter" },
        { ConsoleKey.Escape, '\u001b', false, "Escape" },
        { ConsoleKey.UpArrow, '\0', false, "Up" },
        { ConsoleKey.DownArrow, '\0', false, "Down" },
        { ConsoleKey.LeftArrow, '\0', false, "Left" },
        { ConsoleKey.RightArrow, '\0', false, "Right" },
        { ConsoleKey.PageUp, '\0', false, "PageUp" },
        { ConsoleKey.PageDown, '\0', false, "PageDown" },
        { ConsoleKey.Home, '\0', false, "Home" },
        { ConsoleKey.End, '\0', false, "End" },
        { ConsoleKey.F1, '\0', false, "F1" },
        { ConsoleKey.F10, '\0', false, "F10" },
        { ConsoleKey.F12, '\0', false, "F12" },
        { ConsoleKey.Backspace, '\u007f', false, "Backspace" },
        { ConsoleKey.Delete, '\0', false, "Delete" },
    };

    [Theory]
    [MemberData(nameof(NamedKeys))]
    public void Named_keys_map_to_their_name(ConsoleKey key, char c, bool shift, string expected)
    {
        var mapped = Map(key, c, shift);

        Assert.NotNull(mapped);
        Assert.Equal(Enum.Parse<KeyName>(expected), mapped.Value.Name);
        Assert.False(mapped.Value.Ctrl);
    }

    [Theory]
    [InlineData(ConsoleKey.D1, '1')]
    [InlineData(ConsoleKey.D2, '2')]
    [InlineData(ConsoleKey.D3, '3')]
    [InlineData(ConsoleKey.D4, '4')]
    [InlineData(ConsoleKey.D5, '5')]
    [InlineData(ConsoleKey.J, 'j')]
    [InlineData(ConsoleKey.K, 'k')]
    [InlineData(ConsoleKey.Q, 'q')]
    [InlineData(ConsoleKey.Divide, '/')]
    [InlineData(ConsoleKey.Oem2, '/')]
    [InlineData(ConsoleKey.Oem2, '?')]
    [InlineData(ConsoleKey.Spacebar, ' ')]
    public void Printable_keys_are_their_character(ConsoleKey key, char c)
    {
        Assert.Equal(KeyPress.Of(c), Map(key, c, shift: c == '?'));
    }

    [Fact]
    public void Ctrl_C_is_a_char_with_Ctrl()
    {
        var mapped = Map(ConsoleKey.C, '\u0003', ctrl: true);

        Assert.Equal(KeyPress.CtrlOf('c'), mapped);
        Assert.Equal("Ctrl+c", mapped.ToString());
    }

    [Fact]
    public void A_control_character_without_a_key_name_is_Ctrl_of_its_letter()
    {
        Assert.Equal(KeyPress.CtrlOf('l'), Map(0, '\u000c'));
    }

    [Fact]
    public void Shift_on_a_named_key_is_kept()
    {
        Assert.Equal(new KeyPress(KeyName.Up, Shift: true), Map(ConsoleKey.UpArrow, shift: true));
    }

    [Fact]
    public void Alt_on_a_character_is_kept()
    {
        Assert.Equal(new KeyPress(KeyName.Char, 'x', Alt: true), Map(ConsoleKey.X, 'x', alt: true));
    }

    /// <summary>.NET reads ESC b (what a terminal sends for Alt+B) as 'b' with Alt; Ctrl+letters arrive as control characters.</summary>
    [Theory]
    [InlineData(ConsoleKey.B, 'b', false, true, KeyAction.WordBack)]
    [InlineData(ConsoleKey.F, 'f', false, true, KeyAction.WordForward)]
    [InlineData(ConsoleKey.A, '\u0001', true, false, KeyAction.LineStart)]
    [InlineData(ConsoleKey.E, '\u0005', true, false, KeyAction.LineEnd)]
    [InlineData(ConsoleKey.U, '\u0015', true, false, KeyAction.DeleteToStart)]
    [InlineData(ConsoleKey.W, '\u0017', true, false, KeyAction.DeleteWordBack)]
    [InlineData((ConsoleKey)0, '\u0017', false, false, KeyAction.DeleteWordBack)]
    public void Readline_keys_arrive_as_the_text_inputs_bindings(ConsoleKey key, char c, bool ctrl, bool alt, KeyAction expected)
    {
        var mapped = Map(key, c, alt: alt, ctrl: ctrl);

        Assert.NotNull(mapped);
        Assert.Equal(expected, KeyMap.Find([KeyScope.TextEntry], mapped.Value)?.Action);
    }

    [Fact]
    public void A_printable_key_waiting_behind_an_Esc_is_its_Alt_chord_and_anything_else_is_not()
    {
        Assert.Equal(new KeyPress(KeyName.Char, 'b', Alt: true), ConsoleKeyMapper.AltOf(new ConsoleKeyInfo('b', ConsoleKey.B, false, false, false)));
        Assert.Null(ConsoleKeyMapper.AltOf(new ConsoleKeyInfo('\u0003', ConsoleKey.C, false, false, true)));
        Assert.Null(ConsoleKeyMapper.AltOf(new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false)));
        Assert.Null(ConsoleKeyMapper.AltOf(new ConsoleKeyInfo('\0', ConsoleKey.UpArrow, false, false, false)));
    }

    [Fact]
    public void Esc_then_Ctrl_C_arriving_together_still_quits()
    {
        // .NET reads ESC 0x03 in one buffer as Alt+Ctrl+C.
        Assert.Equal(KeyPress.CtrlOf('c'), Map(ConsoleKey.C, '\u0003', alt: true, ctrl: true));
        Assert.Equal(new KeyPress(KeyName.Char, 'w', Ctrl: true, Alt: true), Map(ConsoleKey.W, '\u0017', alt: true, ctrl: true));
    }

    [Fact]
    public void Keys_the_UI_does_not_use_map_to_nothing()
    {
        Assert.Null(Map(ConsoleKey.VolumeUp));
    }
}
