using MailSetup.Core.Display;

namespace MailSetup.Core.Tests.Display;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b[2J", @"\x1B[2J")]
    [InlineData("\u001b]52;c;ZXZpbA==\u0007", @"\x1B]52;c;ZXZpbA==\x07")]
    [InlineData("a\0b\u007fc\u0085d\u009be", @"a\x00b\x7Fc\x85d\x9Be")]
    [InlineData("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", @"\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee")]
    [InlineData("\u2066a\u2067b\u2068c\u2069", @"\u2066a\u2067b\u2068c\u2069")]
    [InlineData("line\u2028next\u2029", @"line\u2028next\u2029")]
    [InlineData("one\r\ntwo\tthree", @"one\x0D\x0Atwo\x09three")]
    public void Every_unsafe_character_is_shown_as_its_escape(string text, string shown)
    {
        Assert.Equal(shown, TerminalText.Escape(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mail Relay (Contoso) — 中文 é ß € \\x1B C:\\path")]
    [InlineData("┌─ › ✓ ✗ · … ▏")]
    public void Clean_text_is_the_same_instance(string text)
    {
        Assert.Same(text, TerminalText.Escape(text));
    }

    [Fact]
    public void Tab_and_line_feed_stay_only_where_the_use_keeps_them()
    {
        Assert.Equal("a\tb\\x0Ac", TerminalText.Escape("a\tb\nc", TerminalTextKeep.Tab));
        Assert.Equal("a\\x09b\nc\\x0D", TerminalText.Escape("a\tb\nc\r", TerminalTextKeep.LineFeed));
        Assert.Equal("a\tb\nc\\x0D", TerminalText.Escape("a\tb\nc\r", TerminalTextKeep.Tab | TerminalTextKeep.LineFeed));
    }

    [Fact]
    public void Escaping_twice_changes_nothing_more_and_leaves_nothing_unsafe()
    {
        var all = new string(Enumerable.Range(0, 0x3000).Select(i => (char)i).Where(c => !char.IsSurrogate(c)).ToArray());

        var once = TerminalText.Escape(all);

        Assert.Equal(once, TerminalText.Escape(once));
        Assert.True(TerminalText.IndexOfUnsafe(once) < 0);
        Assert.DoesNotContain(once, char.IsControl);
    }

    [Fact]
    public void Surrogate_pairs_and_emoji_pass_unchanged()
    {
        const string text = "ok 😀 \U0001F512";

        Assert.Same(text, TerminalText.Escape(text));
        Assert.False(TerminalText.IsUnsafe(new System.Text.Rune(0x1F600)));
        Assert.True(TerminalText.IsUnsafe(new System.Text.Rune(0x202E)));
    }
}
