using MailSetup.Core.Display;

namespace MailSetup.Core.Mail.Connection;

/// <summary>Makes text from a server safe to show: control characters become visible escapes.</summary>
public static class ServerText
{
    /// <summary>
    /// Escapes what <see cref="TerminalText"/> escapes (C0 and C1 controls but tab, DEL, bidi overrides) as <c>\x1B</c> or
    /// <c>\u202E</c>, so a line can never carry a terminal escape sequence, a NUL or a bare CR into a screen or a log.
    /// Returns the same string when clean.
    /// </summary>
    public static string Printable(string text) => TerminalText.Escape(text, TerminalTextKeep.Tab);
}
