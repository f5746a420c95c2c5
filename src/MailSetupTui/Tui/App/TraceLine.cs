using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Display;

namespace MailSetupTui.Tui.App;

/// <summary>
/// Where a trace line comes from: one protocol's conversation, or getting the token before any of
/// them (which is no mail protocol, so the protocol filter hides it).
/// </summary>
public enum TraceOrigin : byte
{
    Imap,
    Pop,
    Smtp,
    Token,
}

/// <summary>
/// One line of the diagnostics trace, kept as its parts all the way to the view: where it comes from,
/// who said it, the stage and time offset of a mail event (none for a token step), and the redacted text.
/// </summary>
public readonly record struct TraceLine(TraceOrigin Origin, TraceDirection Direction, TraceStage? Stage, TimeSpan Offset, string Text)
{
    /// <summary>A mail conversation's event; its text is already redacted by the trace that made it.</summary>
    public static TraceLine Mail(MailProtocol protocol, TraceEvent traceEvent) =>
        new(Of(protocol), traceEvent.Direction, traceEvent.Stage, traceEvent.Offset, traceEvent.Text);

    /// <summary>A step of getting the token (a device code to enter, a refusal): a note, shown as its text alone.
    /// Its text (an Entra message among them) is made printable here, before the pane measures and wraps it.</summary>
    public static TraceLine Token(string text) =>
        new(TraceOrigin.Token, TraceDirection.Info, null, TimeSpan.Zero, TerminalText.Escape(text, TerminalTextKeep.Tab));

    public static TraceOrigin Of(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => TraceOrigin.Imap,
        MailProtocol.Pop => TraceOrigin.Pop,
        MailProtocol.Smtp => TraceOrigin.Smtp,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, null),
    };

    /// <summary>The origin as the pane's first column names it.</summary>
    public static string Name(TraceOrigin origin) => origin switch
    {
        TraceOrigin.Imap => "imap",
        TraceOrigin.Pop => "pop",
        TraceOrigin.Smtp => "smtp",
        _ => "token",
    };

    /// <summary>The line as shown: a mail event exactly as <see cref="TraceExport.Line(TraceEvent)"/> writes it, a token step as its text.</summary>
    public string Shown => Stage is { } stage ? TraceExport.Line(stage, Direction, Offset, Text) : Text;

    /// <summary>
    /// Whether the line as shown (<see cref="Shown"/>) contains <paramref name="search"/>, ignoring case,
    /// read from its parts without building the line: a search scans every held line each frame.
    /// </summary>
    public static bool ShownContains(TraceStage? stage, TraceDirection direction, TimeSpan offset, ReadOnlySpan<char> text, string search)
    {
        if (search.Length == 0 || text.Contains(search, StringComparison.OrdinalIgnoreCase)) return true;
        if (stage is not { } shownStage) return false;
        // Not in the text alone: a match starts in the head and ends at most search.Length - 1 characters into the text.
        var tail = Math.Min(text.Length, search.Length - 1);
        var length = TraceExport.MaxHeadLength + tail;
        Span<char> joined = length <= 512 ? stackalloc char[length] : new char[length];
        var head = TraceExport.WriteHead(joined, shownStage, direction, offset);
        text[..tail].CopyTo(joined[head..]);
        return joined[..(head + tail)].Contains(search, StringComparison.OrdinalIgnoreCase);
    }
}
