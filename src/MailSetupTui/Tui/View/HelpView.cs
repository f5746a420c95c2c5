namespace MailSetupTui.Tui.View;

/// <summary>Every key binding, grouped; the same list the README documents.</summary>
public static class HelpView
{
    public static IReadOnlyList<(string Keys, string What)> Bindings { get; } =
    [
        ("Tab / Shift+Tab", "next / previous pane"),
        ("1 2 3 4 5", "Tenant, App, Permissions, Mailboxes, Diagnostics"),
        ("↑ ↓  j k", "move; in the trace: scroll back"),
        ("PgUp PgDn Home End", "page; to the top / bottom (End follows the trace again)"),
        ("Enter", "choose, edit, run"),
        ("Space", "toggle (preset, mailbox, app)"),
        ("/", "find apps; filter mailboxes; search the trace"),
        ("p", "review the plan of the current choices (a applies it, e exports it)"),
        ("i o s", "Diagnostics: IMAP, POP, SMTP on or off"),
        ("f", "Diagnostics: preflight, the whole chain link by link"),
        ("t", "Diagnostics: show one protocol's trace, or all"),
        ("s d", "App: save the new secret to a file (0600); dismiss it"),
        ("s", "Mailboxes: SendAs on or off"),
        ("r o", "Tenant: sign in (again); sign out"),
        ("Esc", "back, close, cancel a running probe"),
        ("? F1", "this help"),
        ("q F10 Ctrl+C", "quit (asks first while work runs)"),
    ];

    public static string Render(ViewLines lines, TuiTheme theme)
    {
        lines.Add("Keys (keyboard only; nothing needs Ctrl+S, Ctrl+Q or Ctrl+Space)", theme.Title).Blank();
        foreach (var (keys, what) in Bindings) lines.Add(($"  {keys,-20} ", theme.Key), ("  " + what, theme.Normal));
        lines.Blank().Add("Every change to the tenant goes through the plan review; nothing is applied without it.", theme.Dim);
        return "Help";
    }
}
