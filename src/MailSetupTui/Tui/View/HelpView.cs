using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

/// <summary>Every key binding, the ones to get around and out first; the same list the README documents. Long lines wrap; the list scrolls.</summary>
public static class HelpView
{
    public static IReadOnlyList<(string Keys, string What)> Bindings { get; } =
    [
        ("Tab / Shift+Tab", "next / previous pane"),
        ("1 2 3 4 5", "Tenant, App, Permissions, Mailboxes, Diagnostics"),
        ("q F10 Ctrl+C", "quit (asks first while work runs)"),
        ("Esc", "back, close, cancel a running probe"),
        ("? F1", "this help"),
        ("↑ ↓  j k", "move; in the trace: scroll back"),
        ("PgUp PgDn Home End", "page; to the top / bottom (End follows the trace again)"),
        ("Enter", "choose, edit, run"),
        ("Space", "toggle (preset, mailbox, app)"),
        ("/", "find apps; filter mailboxes; search the trace"),
        ("p", "review the plan of the current choices (a applies it, e exports it)"),
        ("i o s", "Diagnostics: IMAP, POP, SMTP on or off"),
        ("f", "Diagnostics: preflight, the whole chain link by link"),
        ("a u", "Diagnostics: token by client secret, device code or password; who signs in for the last two"),
        ("t", "Diagnostics: show one protocol's trace, or all"),
        ("s d", "App: save the new secret to a file (0600); dismiss it"),
        ("s", "Mailboxes: SendAs on or off"),
        ("c g", "Mailboxes: scoping none / rbac / access-policy; the scope group's address"),
        ("r o", "Tenant: sign in (again); sign out"),
    ];

    private const int KeyColumn = 22;

    public static string Render(HelpOverlay help, ViewLines lines, TuiTheme theme)
    {
        lines.Add("Keys (keyboard only; nothing needs Ctrl+S, Ctrl+Q or Ctrl+Space)", theme.Title);
        var rows = new List<(string Keys, string Text)>();
        var width = Math.Max(10, lines.Width - KeyColumn - 5);
        foreach (var (keys, what) in Bindings)
        {
            var first = true;
            foreach (var part in Wrap(what, width))
            {
                rows.Add((first ? keys : "", part));
                first = false;
            }
        }
        rows.Add(("", ""));
        rows.Add(("", "Every change to the tenant goes through the plan review."));
        var scroll = Math.Clamp(help.Scroll, 0, Math.Max(0, rows.Count - lines.Remaining));
        foreach (var (keys, text) in rows.Skip(scroll).Take(lines.Remaining))
            lines.Add(keys.Length > 0 ? ($"  {keys,-KeyColumn} ", theme.Key) : (new string(' ', KeyColumn + 3), theme.Normal), ("  " + text, theme.Normal));
        return rows.Count > lines.Rows - 1 ? $"Help · ↑↓ scroll ({scroll + 1}-{Math.Min(rows.Count, scroll + lines.Rows - 1)} of {rows.Count})" : "Help";
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line;
                line = word;
            }
            else line = line.Length == 0 ? word : line + " " + word;
        }
        if (line.Length > 0) yield return line;
    }
}
