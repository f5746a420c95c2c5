using System.Text;
using MailSetup.Core.Display;

namespace MailSetup.App;

/// <summary>
/// A writer that passes everything to another one through <see cref="TerminalText"/>: the seam between a
/// command's output and stdout or stderr, so no value a command writes (a claim, a server line, an app name,
/// an exception message) can send a control character, an escape sequence or a bidi override to a terminal.
/// Line feeds and tabs pass as they are (the output is line-oriented); a carriage return is escaped.
/// <para>
/// JSON output passes through unchanged: System.Text.Json writes every control character as <c>\u001B</c>,
/// and the one thing its relaxed encoder writes raw, a bidi override inside a string, becomes <c>\u202E</c>
/// here, which is the same JSON escape of the same character. The output stays exactly JSON.
/// </para>
/// Writes that need no escaping go straight through without copying. The inner writer is not disposed.
/// A line break is the inner writer's own (WriteLine); a carriage return inside the text is escaped.
/// </summary>
public sealed class TerminalTextWriter : TextWriter
{
    private const TerminalTextKeep Keep = TerminalTextKeep.Tab | TerminalTextKeep.LineFeed;

    private readonly TextWriter _inner;

    private TerminalTextWriter(TextWriter inner) : base(inner.FormatProvider)
    {
        _inner = inner;
        CoreNewLine = inner.NewLine.ToCharArray();
    }

    /// <summary>The writer made safe; a writer that is one already is returned as it is.</summary>
    public static TextWriter Wrap(TextWriter inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return inner is TerminalTextWriter ? inner : new TerminalTextWriter(inner);
    }

    public override Encoding Encoding => _inner.Encoding;

    // Each call goes to the inner writer's method of the same kind (a string as a string, a line as a line, with the
    // inner writer's own new line), so a writer that reacts to how it is called behaves as without this one. Clean text
    // (nearly all) is passed as it is; only text with something to escape is copied.

    public override void Write(char value)
    {
        if (TerminalText.IsUnsafe(value, Keep)) _inner.Write(Escaped(value));
        else _inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        if (Clean(buffer.AsSpan(index, count))) _inner.Write(buffer, index, count);
        else _inner.Write(Escaped(buffer.AsSpan(index, count)));
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (Clean(buffer)) _inner.Write(buffer);
        else _inner.Write(Escaped(buffer));
    }

    public override void Write(string? value) => _inner.Write(Escaped(value));

    public override void WriteLine() => _inner.WriteLine();

    public override void WriteLine(char value)
    {
        Write(value);
        _inner.WriteLine();
    }

    public override void WriteLine(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        _inner.WriteLine();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        if (Clean(buffer)) _inner.WriteLine(buffer);
        else _inner.WriteLine(Escaped(buffer));
    }

    public override void WriteLine(string? value) => _inner.WriteLine(Escaped(value));

    public override Task WriteAsync(char value) =>
        TerminalText.IsUnsafe(value, Keep) ? _inner.WriteAsync(Escaped(value)) : _inner.WriteAsync(value);

    public override Task WriteAsync(string? value) => _inner.WriteAsync(Escaped(value));

    public override Task WriteAsync(char[] buffer, int index, int count) =>
        Clean(buffer.AsSpan(index, count)) ? _inner.WriteAsync(buffer, index, count) : _inner.WriteAsync(Escaped(buffer.AsSpan(index, count)));

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        Clean(buffer.Span) ? _inner.WriteAsync(buffer, cancellationToken) : _inner.WriteAsync(Escaped(buffer.Span).AsMemory(), cancellationToken);

    public override Task WriteLineAsync() => _inner.WriteLineAsync();

    public override Task WriteLineAsync(char value) =>
        TerminalText.IsUnsafe(value, Keep) ? _inner.WriteLineAsync(Escaped(value)) : _inner.WriteLineAsync(value);

    public override Task WriteLineAsync(string? value) => _inner.WriteLineAsync(Escaped(value));

    public override Task WriteLineAsync(char[] buffer, int index, int count) =>
        Clean(buffer.AsSpan(index, count))
            ? _inner.WriteLineAsync(buffer, index, count)
            : _inner.WriteLineAsync(Escaped(buffer.AsSpan(index, count)));

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        Clean(buffer.Span)
            ? _inner.WriteLineAsync(buffer, cancellationToken)
            : _inner.WriteLineAsync(Escaped(buffer.Span).AsMemory(), cancellationToken);

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    private static bool Clean(ReadOnlySpan<char> text) => TerminalText.IndexOfUnsafe(text, Keep) < 0;

    private static string? Escaped(string? text) => text is null ? null : TerminalText.Escape(text, Keep);

    private static string Escaped(ReadOnlySpan<char> text)
    {
        var escaped = new StringBuilder(text.Length + 16);
        TerminalText.AppendEscaped(escaped, text, Keep);
        return escaped.ToString();
    }

    private static string Escaped(char c)
    {
        Span<char> escape = stackalloc char[TerminalText.MaxEscapeLength];
        return new string(escape[..TerminalText.WriteEscape(c, escape)]);
    }
}
