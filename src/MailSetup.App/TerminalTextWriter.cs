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

    public override void Write(char value)
    {
        if (!TerminalText.IsUnsafe(value, Keep))
        {
            _inner.Write(value);
            return;
        }
        Span<char> escape = stackalloc char[TerminalText.MaxEscapeLength];
        _inner.Write(escape[..TerminalText.WriteEscape(value, escape)]);
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Span<char> escape = stackalloc char[TerminalText.MaxEscapeLength];
        while (!buffer.IsEmpty)
        {
            var next = TerminalText.IndexOfUnsafe(buffer, Keep);
            if (next < 0)
            {
                _inner.Write(buffer);
                return;
            }
            _inner.Write(buffer[..next]);
            _inner.Write(escape[..TerminalText.WriteEscape(buffer[next], escape)]);
            buffer = buffer[(next + 1)..];
        }
    }

    public override void WriteLine(string? value)
    {
        Write(value);
        WriteLine();
    }

    public override void WriteLine(ReadOnlySpan<char> buffer)
    {
        Write(buffer);
        WriteLine();
    }

    // The new line is this writer's own (the inner writer's, copied): written as it is, even "\r\n".
    public override void WriteLine() => _inner.Write(CoreNewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value) => WriteAsync(value.AsMemory());

    public override Task WriteAsync(char[] buffer, int index, int count) => WriteAsync(buffer.AsMemory(index, count));

    public override async Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var next = TerminalText.IndexOfUnsafe(buffer.Span, Keep);
            if (next < 0)
            {
                await _inner.WriteAsync(buffer, cancellationToken);
                return;
            }
            await _inner.WriteAsync(buffer[..next], cancellationToken);
            await _inner.WriteAsync(Escaped(buffer.Span[next]).AsMemory(), cancellationToken);
            buffer = buffer[(next + 1)..];
        }
    }

    public override async Task WriteLineAsync(string? value)
    {
        await WriteAsync(value);
        await WriteLineAsync();
    }

    public override async Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        await WriteAsync(buffer, cancellationToken);
        await WriteLineAsync();
    }

    public override Task WriteLineAsync(char[] buffer, int index, int count) => WriteLineAsync(buffer.AsMemory(index, count));

    public override Task WriteLineAsync(char value) => WriteLineAsync(value.ToString());

    public override Task WriteLineAsync() => _inner.WriteAsync(CoreNewLine);

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync() => _inner.FlushAsync();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    private static string Escaped(char c)
    {
        Span<char> escape = stackalloc char[TerminalText.MaxEscapeLength];
        return new string(escape[..TerminalText.WriteEscape(c, escape)]);
    }
}
