using MailSetupTui.Tui.Input;
using static MailSetupTui.Tui.App.Keys.KeyScope;

namespace MailSetupTui.Tui.App.Keys;

/// <summary>
/// Every key binding, declared once: its keys, the scopes where it applies and its help line. The
/// update finds bindings here, the help screen and the key bar are drawn from here, and a test
/// holds the README's key table to it (bubbles/key is the model).
/// </summary>
public static partial class KeyMap
{
    // The help lines, in the order the help screen and the README list them.
    private static readonly KeyHelp PaneHelp = new("Tab / Shift+Tab", "next / previous pane");
    private static readonly KeyHelp JumpHelp = new("1 2 3 4 5", "Tenant, App, Permissions, Mailboxes, Diagnostics");
    private static readonly KeyHelp QuitHelp = new("q F10 Ctrl+C", "quit (asks if work runs or a secret is unsaved)");
    private static readonly KeyHelp BackHelp = new("Esc", "back, close, cancel a running probe");
    private static readonly KeyHelp HelpHelp = new("? F1", "this help");
    private static readonly KeyHelp MoveHelp = new("↑ ↓  j k", "move; in the trace: scroll back");
    private static readonly KeyHelp PageHelp = new("PgUp PgDn Home End", "page; to the top / bottom (End follows the trace again)");
    private static readonly KeyHelp ChooseHelp = new("Enter", "choose, edit, run");
    private static readonly KeyHelp ToggleHelp = new("Space", "toggle (preset, mailbox, app)");
    private static readonly KeyHelp FindHelp = new("/", "find apps; filter mailboxes; search the trace");
    private static readonly KeyHelp PlanHelp = new("p", "review the plan of the current choices (a applies it, e exports it)");
    private static readonly KeyHelp ProtocolHelp = new("i o s", "Diagnostics: IMAP, POP, SMTP on or off");
    private static readonly KeyHelp PreflightHelp = new("f", "Diagnostics: preflight, the whole chain link by link");
    private static readonly KeyHelp AuthHelp = new(
        "a u", "Diagnostics: token by client secret, device code or password; who signs in for the last two");
    private static readonly KeyHelp TraceFilterHelp = new("t", "Diagnostics: show one protocol's trace, or all");
    private static readonly KeyHelp SecretHelp = new("s d", "App: save the new secret to a file (0600); dismiss it");
    private static readonly KeyHelp SendAsHelp = new("s", "Mailboxes: SendAs on or off");
    private static readonly KeyHelp ScopingHelp = new("c g", "Mailboxes: scoping none / rbac / access-policy; the scope group's address");
    private static readonly KeyHelp TenantHelp = new("r o", "Tenant: sign in (again); sign out");

    // The keys a dialog or a text input names where it opens: in the README, not on the help screen.
    private static readonly KeyHelp RunHelp = new("r", "Diagnostics: run the login, as Enter does", OnHelpScreen: false);
    private static readonly KeyHelp CloseHelp = new("q", "the help and the plan review: close, as Esc does", OnHelpScreen: false);
    private static readonly KeyHelp ConfirmHelp = new(
        "y n", "asked before quitting: quit (the running work is cancelled, an unsaved new secret is lost); stay", OnHelpScreen: false);
    private static readonly KeyHelp StayHelp = new("Enter", "asked before quitting: stay (only y quits)", OnHelpScreen: false);
    private static readonly KeyHelp ReviewHelp = new("a e", "the plan review: apply the plan; export it to a new file", OnHelpScreen: false);
    private static readonly KeyHelp FormatHelp = new("Tab", "the export prompt: the next format (text, json, http, powershell)", OnHelpScreen: false);
    private static readonly KeyHelp ApplyDoneHelp = new("Enter", "the apply view, once finished: close it", OnHelpScreen: false);
    private static readonly KeyHelp AdoptHelp = new(
        "1 2 3 4 5 6 7 8 9", "the apply view, stopped because other apps have the name: adopt the app of that number, then review its plan",
        OnHelpScreen: false);
    private static readonly KeyHelp SubmitHelp = new(
        "Enter Esc", "a text input: done (the password prompt runs the login, a file prompt saves or exports); cancel", OnHelpScreen: false);
    private static readonly KeyHelp CursorHelp = new("← →", "a text input: move the cursor", OnHelpScreen: false);
    private static readonly KeyHelp EndsHelp = new("Home Ctrl+A  End Ctrl+E", "a text input: to the start / end", OnHelpScreen: false);
    private static readonly KeyHelp WordHelp = new("Alt+B Alt+F", "a text input: a word back / forward", OnHelpScreen: false);
    private static readonly KeyHelp DeleteHelp = new("Backspace Delete", "a text input: delete before / under the cursor", OnHelpScreen: false);
    private static readonly KeyHelp KillHelp = new(
        "Ctrl+W Ctrl+U", "a text input: delete the word before the cursor / everything before it", OnHelpScreen: false);

    public static IReadOnlyList<KeyHelp> HelpLines { get; } =
    [
        PaneHelp, JumpHelp, QuitHelp, BackHelp, HelpHelp, MoveHelp, PageHelp, ChooseHelp, ToggleHelp, FindHelp, PlanHelp,
        ProtocolHelp, PreflightHelp, AuthHelp, TraceFilterHelp, SecretHelp, SendAsHelp, ScopingHelp, TenantHelp,
        RunHelp, CloseHelp, ConfirmHelp, StayHelp, ReviewHelp, FormatHelp, ApplyDoneHelp, AdoptHelp,
        SubmitHelp, CursorHelp, EndsHelp, WordHelp, DeleteHelp, KillHelp,
    ];

    /// <summary>What the help screen lists: the keys to get around and out first.</summary>
    public static IReadOnlyList<KeyHelp> HelpScreen { get; } = [.. HelpLines.Where(h => h.OnHelpScreen)];

    private static readonly KeyScope[] Lists = [AppPane, PermissionsPane, MailboxesPane, DiagnosticsPane, Help, PlanReview];

    public static IReadOnlyList<KeyBinding> All { get; } =
    [
        Bind(KeyAction.Quit, [KeyPress.CtrlOf('c')], [Always], QuitHelp),
        Bind(KeyAction.Quit, [Char('q'), Named(KeyName.F10)], [Panes], QuitHelp),
        Bind(KeyAction.Help, [Named(KeyName.F1)], [NoOverlay, Help], HelpHelp),
        Bind(KeyAction.Help, [Char('?')], [Panes, Help], HelpHelp),
        Bind(KeyAction.NextPane, [Named(KeyName.Tab)], [Panes], PaneHelp),
        Bind(KeyAction.PreviousPane, [Named(KeyName.BackTab)], [Panes], PaneHelp),
        Bind(KeyAction.JumpToPane, [Char('1'), Char('2'), Char('3'), Char('4'), Char('5')], [Panes], JumpHelp),
        Bind(KeyAction.Plan, [Char('p')], [Panes], PlanHelp),
        Bind(KeyAction.Back, [Named(KeyName.Escape)], [Panes, Help, ConfirmQuit, PlanReview, Apply], BackHelp),
        Bind(KeyAction.Up, [Named(KeyName.Up), Char('k')], Lists, MoveHelp),
        Bind(KeyAction.Down, [Named(KeyName.Down), Char('j')], Lists, MoveHelp),
        Bind(KeyAction.PageUp, [Named(KeyName.PageUp)], Lists, PageHelp),
        Bind(KeyAction.PageDown, [Named(KeyName.PageDown)], Lists, PageHelp),
        Bind(KeyAction.Top, [Named(KeyName.Home)], Lists, PageHelp),
        Bind(KeyAction.Bottom, [Named(KeyName.End)], Lists, PageHelp),
        Bind(KeyAction.Choose, [Named(KeyName.Enter)], [AppPane, PermissionsPane, MailboxesPane, DiagnosticsPane], ChooseHelp),
        Bind(KeyAction.Toggle, [Char(' ')], [AppPane, PermissionsPane, MailboxesPane], ToggleHelp),
        Bind(KeyAction.Find, [Char('/')], [AppPane, MailboxesPane, DiagnosticsPane], FindHelp),
        Bind(KeyAction.Imap, [Char('i')], [DiagnosticsPane], ProtocolHelp),
        Bind(KeyAction.Pop, [Char('o')], [DiagnosticsPane], ProtocolHelp),
        Bind(KeyAction.Smtp, [Char('s')], [DiagnosticsPane], ProtocolHelp),
        Bind(KeyAction.Preflight, [Char('f')], [DiagnosticsPane], PreflightHelp),
        Bind(KeyAction.Auth, [Char('a')], [DiagnosticsPane], AuthHelp),
        Bind(KeyAction.User, [Char('u')], [DiagnosticsPane], AuthHelp),
        Bind(KeyAction.TraceFilter, [Char('t')], [DiagnosticsPane], TraceFilterHelp),
        Bind(KeyAction.Run, [Char('r')], [DiagnosticsPane], RunHelp),
        Bind(KeyAction.SaveSecret, [Char('s')], [AppPane], SecretHelp),
        Bind(KeyAction.DismissSecret, [Char('d')], [AppPane], SecretHelp),
        Bind(KeyAction.SendAs, [Char('s')], [MailboxesPane], SendAsHelp),
        Bind(KeyAction.Scoping, [Char('c')], [MailboxesPane], ScopingHelp),
        Bind(KeyAction.ScopeGroup, [Char('g')], [MailboxesPane], ScopingHelp),
        Bind(KeyAction.SignIn, [Char('r')], [TenantPane], TenantHelp),
        Bind(KeyAction.SignOut, [Char('o')], [TenantPane], TenantHelp),
        Bind(KeyAction.Close, [Char('q')], [Help, PlanReview], CloseHelp),
        Bind(KeyAction.QuitYes, [Char('y')], [ConfirmQuit], ConfirmHelp),
        Bind(KeyAction.QuitNo, [Char('n')], [ConfirmQuit], ConfirmHelp),
        Bind(KeyAction.QuitNo, [Named(KeyName.Enter)], [ConfirmQuit], StayHelp),
        Bind(KeyAction.Apply, [Char('a')], [PlanReview], ReviewHelp),
        Bind(KeyAction.Export, [Char('e')], [PlanReview], ReviewHelp),
        Bind(KeyAction.ExportFormat, [Named(KeyName.Tab)], [Export], FormatHelp),
        Bind(KeyAction.Close, [Named(KeyName.Enter)], [Apply], ApplyDoneHelp),
        Bind(KeyAction.AdoptListed, [.. "123456789".Select(Char)], [Apply], AdoptHelp),

        // The text input's own keys, readline's where readline has one.
        Bind(KeyAction.Submit, [Named(KeyName.Enter)], [TextEntry], SubmitHelp),
        Bind(KeyAction.Cancel, [Named(KeyName.Escape)], [TextEntry], SubmitHelp),
        Bind(KeyAction.CursorLeft, [Named(KeyName.Left)], [TextEntry], CursorHelp),
        Bind(KeyAction.CursorRight, [Named(KeyName.Right)], [TextEntry], CursorHelp),
        Bind(KeyAction.LineStart, [Named(KeyName.Home), KeyPress.CtrlOf('a')], [TextEntry], EndsHelp),
        Bind(KeyAction.LineEnd, [Named(KeyName.End), KeyPress.CtrlOf('e')], [TextEntry], EndsHelp),
        Bind(KeyAction.WordBack, [Alt('b')], [TextEntry], WordHelp),
        Bind(KeyAction.WordForward, [Alt('f')], [TextEntry], WordHelp),
        Bind(KeyAction.DeleteBack, [Named(KeyName.Backspace)], [TextEntry], DeleteHelp),
        Bind(KeyAction.DeleteForward, [Named(KeyName.Delete)], [TextEntry], DeleteHelp),
        Bind(KeyAction.DeleteWordBack, [KeyPress.CtrlOf('w')], [TextEntry], KillHelp),
        Bind(KeyAction.DeleteToStart, [KeyPress.CtrlOf('u')], [TextEntry], KillHelp),
    ];

    /// <summary>The binding <paramref name="key"/> has in <paramref name="context"/>, or null when it has none there.</summary>
    public static KeyBinding? Find(IReadOnlyList<KeyScope> context, KeyPress key) =>
        All.FirstOrDefault(b => b.AppliesIn(context) && b.Matches(key));

    /// <summary>The action of <paramref name="key"/> in <paramref name="state"/>'s context, or null.</summary>
    public static KeyAction? ActionOf(TuiState state, KeyPress key) => Find(KeyContext.For(state), key)?.Action;

    private static KeyBinding Bind(KeyAction action, KeyPress[] keys, KeyScope[] scopes, KeyHelp help) => new(action, keys, scopes, help);

    private static KeyPress Char(char c) => KeyPress.Of(c);

    private static KeyPress Named(KeyName name) => KeyPress.Of(name);

    private static KeyPress Alt(char c) => new(KeyName.Char, c, Alt: true);
}
