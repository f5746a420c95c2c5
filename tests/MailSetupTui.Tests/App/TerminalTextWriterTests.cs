using System.Text.Json;
using MailSetup.App;

namespace MailSetupTui.Tests.App;

public sealed class TerminalTextWriterTests
{
    private readonly StringWriter _inner = new() { NewLine = "\n" };

    [Fact]
    public async Task Every_kind_of_write_is_escaped_and_new_lines_and_tabs_stay()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        writer.Write('\u001b');
        writer.Write("[2J\u0007\t");
        writer.Write("x\u202Ey".ToCharArray(), 1, 1);
        writer.WriteLine("a\rb");
        await writer.WriteAsync("\u009b");
        await writer.WriteLineAsync("c\nd");
        await writer.WriteAsync("e\u2066f".AsMemory());
        writer.Write($"{1}\u0007{2}");
        await writer.FlushAsync();

        Assert.Equal("\\x1B[2J\\x07\t\\u202Ea\\x0Db\n\\x9Bc\nd\ne\\u2066f1\\x072", _inner.ToString());
    }

    [Fact]
    public void Wrapping_twice_wraps_once_and_clean_text_goes_through_unchanged()
    {
        var writer = TerminalTextWriter.Wrap(_inner);

        Assert.Same(writer, TerminalTextWriter.Wrap(writer));
        writer.Write("Mail Relay — \\x1B is already text");
        Assert.Equal("Mail Relay — \\x1B is already text", _inner.ToString());
    }

    [Fact]
    public void Json_from_the_relaxed_encoder_stays_the_same_json()
    {
        var value = "evil\u001b]52;c;ZXZpbA==\u0007 \u202Etxt \u2066 \u009b é 中";
        var json = JsonSerializer.Serialize(new { value },
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        TerminalTextWriter.Wrap(_inner).Write(json);

        Assert.Contains("\u202E", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", _inner.ToString(), StringComparison.Ordinal);
        Assert.Equal(value, JsonDocument.Parse(_inner.ToString()).RootElement.GetProperty("value").GetString());
    }
}
