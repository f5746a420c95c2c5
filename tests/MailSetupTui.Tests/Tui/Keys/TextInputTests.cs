using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tests.Tui.Keys;

/// <summary>The one text input: typing, the cursor and each readline key, the bound, and the mask.</summary>
public sealed class TextInputTests
{
    private static readonly KeyPress CtrlA = KeyPress.CtrlOf('a');
    private static readonly KeyPress CtrlE = KeyPress.CtrlOf('e');
    private static readonly KeyPress CtrlU = KeyPress.CtrlOf('u');
    private static readonly KeyPress CtrlW = KeyPress.CtrlOf('w');
    private static readonly KeyPress AltB = new(KeyName.Char, 'b', Alt: true);
    private static readonly KeyPress AltF = new(KeyName.Char, 'f', Alt: true);
    private static readonly KeyPress Left = KeyPress.Of(KeyName.Left);
    private static readonly KeyPress Right = KeyPress.Of(KeyName.Right);

    private static TextInput Keys(TextInput input, params KeyPress[] keys)
    {
        foreach (var key in keys) input = input.Update(key).Input;
        return input;
    }

    private static TextInput Type(TextInput input, string text) => Keys(input, [.. text.Select(KeyPress.Of)]);

    /// <summary>The text with a | where the cursor is, so a test reads like what the admin sees.</summary>
    private static string Show(TextInput input) => input.Text.Insert(input.Cursor, "|");

    [Fact]
    public void A_new_input_has_its_cursor_after_the_text_and_typing_inserts_at_the_cursor()
    {
        var input = new TextInput("mail.txt");
        Assert.Equal("mail.txt|", Show(input));
        Assert.Equal("mail-plan|.txt", Show(Type(Keys(input, Left, Left, Left, Left), "-plan")));
    }

    [Fact]
    public void Left_right_home_and_end_move_the_cursor_and_stop_at_the_ends()
    {
        var input = new TextInput("abc");
        Assert.Equal("ab|c", Show(Keys(input, Left)));
        Assert.Equal("|abc", Show(Keys(input, Left, Left, Left, Left)));
        Assert.Equal("abc|", Show(Keys(input, Right)));
        Assert.Equal("|abc", Show(Keys(input, KeyPress.Of(KeyName.Home))));
        Assert.Equal("abc|", Show(Keys(input, KeyPress.Of(KeyName.Home), KeyPress.Of(KeyName.End))));
    }

    [Fact]
    public void Ctrl_a_and_ctrl_e_go_to_the_start_and_the_end()
    {
        var input = new TextInput("adele@contoso.com");
        Assert.Equal("|adele@contoso.com", Show(Keys(input, CtrlA)));
        Assert.Equal("adele@contoso.com|", Show(Keys(input, CtrlA, CtrlE)));
    }

    [Fact]
    public void Backspace_deletes_before_the_cursor_and_delete_under_it()
    {
        var input = Keys(new TextInput("abcd"), Left, Left);
        Assert.Equal("a|cd", Show(Keys(input, KeyPress.Of(KeyName.Backspace))));
        Assert.Equal("ab|d", Show(Keys(input, KeyPress.Of(KeyName.Delete))));
        Assert.Equal("|", Show(Keys(new TextInput(""), KeyPress.Of(KeyName.Backspace), KeyPress.Of(KeyName.Delete))));
        Assert.Equal("abcd|", Show(Keys(new TextInput("abcd"), KeyPress.Of(KeyName.Delete))));
    }

    [Fact]
    public void Ctrl_u_deletes_everything_before_the_cursor()
    {
        Assert.Equal("|", Show(Keys(new TextInput("user0012"), CtrlU)));
        Assert.Equal("|0012", Show(Keys(new TextInput("user0012"), Left, Left, Left, Left, CtrlU)));
    }

    [Fact]
    public void Ctrl_w_deletes_back_to_the_previous_space()
    {
        Assert.Equal("user01 |", Show(Keys(new TextInput("user01 sales@contoso.com"), CtrlW)));
        Assert.Equal("|", Show(Keys(new TextInput("user01 sales@contoso.com"), CtrlW, CtrlW)));
        Assert.Equal("user01 |", Show(Keys(new TextInput("user01 sales  "), CtrlW)));
        Assert.Equal("|sales", Show(Keys(new TextInput("user01  sales"), Left, Left, Left, Left, Left, CtrlW)));
    }

    [Fact]
    public void Alt_b_and_alt_f_move_a_word_of_letters_and_digits_at_a_time()
    {
        var input = new TextInput("mail-relay.secret");
        Assert.Equal("mail-relay.|secret", Show(Keys(input, AltB)));
        Assert.Equal("mail-|relay.secret", Show(Keys(input, AltB, AltB)));
        Assert.Equal("|mail-relay.secret", Show(Keys(input, AltB, AltB, AltB, AltB)));
        Assert.Equal("mail|-relay.secret", Show(Keys(input, CtrlA, AltF)));
        Assert.Equal("mail-relay|.secret", Show(Keys(input, CtrlA, AltF, AltF)));
        Assert.Equal("mail-relay.secret|", Show(Keys(input, CtrlA, AltF, AltF, AltF, AltF)));
    }

    [Fact]
    public void Enter_submits_and_esc_cancels_without_changing_the_text()
    {
        var input = new TextInput("plan.http");
        Assert.Equal((input, TextInputOutcome.Submitted), input.Update(KeyPress.Of(KeyName.Enter)));
        Assert.Equal((input, TextInputOutcome.Cancelled), input.Update(KeyPress.Of(KeyName.Escape)));
    }

    [Fact]
    public void Keys_that_are_not_the_inputs_are_ignored()
    {
        var input = new TextInput("abc");
        Assert.Equal((input, TextInputOutcome.Ignored), input.Update(KeyPress.Of(KeyName.Up)));
        Assert.Equal((input, TextInputOutcome.Ignored), input.Update(KeyPress.Of(KeyName.F5)));
        Assert.Equal((input, TextInputOutcome.Ignored), input.Update(KeyPress.CtrlOf('x')));
        Assert.Equal((input, TextInputOutcome.Ignored), input.Update(new KeyPress(KeyName.Char, 'x', Alt: true)));
        Assert.Equal(TextInputOutcome.Edited, input.Update(KeyPress.Of('q')).Outcome);
    }

    [Fact]
    public void The_text_never_grows_past_its_maximum_wherever_the_cursor_is()
    {
        var input = Type(new TextInput("", maxLength: 5), "abcdefgh");
        Assert.Equal("abcde|", Show(input));
        Assert.Equal("abcde", Keys(input, Left, Left, KeyPress.Of('x')).Text);
        Assert.Equal("abcde", new TextInput("abcdefgh", maxLength: 5).Text);
    }

    [Fact]
    public void A_masked_input_shows_stars_split_at_the_cursor_and_never_prints_its_text()
    {
        var input = Keys(Type(new TextInput(masked: true), "pw-canary"), Left, Left);
        Assert.Equal(("*******", "**"), input.Split);
        Assert.DoesNotContain("canary", input.ToString());
        Assert.Equal(("pw-cana", "ry"), Keys(Type(new TextInput(), "pw-canary"), Left, Left).Split);
    }
}
