using MailSetup.Core.Catalog;
using MailSetupTui.Tui.App.Keys;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

public static partial class TuiUpdate
{
    private static (TuiState, IReadOnlyList<Effect>) PaneKey(TuiState state, KeyAction? action, KeyPress key) => state.Focus switch
    {
        Pane.Tenant =>
            action == KeyAction.SignIn
                ? Do(state with { Tenant = state.Tenant with { Status = SignInStatus.SigningIn, Problem = null } }, new SignInEffect())
            : action == KeyAction.SignOut && state.Tenant.Status == SignInStatus.SignedIn && state.RunningWork is null
                ? Do(state, new SignOutEffect())
            : Stay(state),
        Pane.App => AppKey(state, state.App, action),
        Pane.Permissions => PermissionsKey(state, state.Permissions, action),
        Pane.Mailboxes => MailboxesKey(state, state.Mailboxes, action),
        _ => DiagnosticsKey(state, state.Diagnostics, action),
    };

    private static (TuiState, IReadOnlyList<Effect>) AppKey(TuiState state, AppModel app, KeyAction? action)
    {
        switch (action)
        {
            case KeyAction.Find:
                return Stay(state with { App = app with { Editing = InputField.AppFilter, Filter = app.Filter ?? new TextInput() } });
            case KeyAction.SaveSecret when app.NewSecret is not null:
                return Stay(
                    state with { App =
                        app with { Editing = InputField.SecretPath, SavePath = new TextInput(DefaultSecretFile(app.Name.Text), 400) } });
            case KeyAction.DismissSecret when app.NewSecret is not null:
                return Stay(
                    state with { App =
                        app with { NewSecret = null,
                            Notice = "the secret was dismissed; it cannot be shown again (add a new one if it was not saved)" } });
            case KeyAction.Choose or KeyAction.Toggle:
                if (app.Cursor == 0) return Stay(state with { App = app with { Editing = InputField.AppName, AdoptedAppId = null } });
                var chosen = app.Visible[app.Cursor - 1];
                var adopted = state with
                {
                    App = app with { AdoptedAppId = app.AdoptedAppId == chosen.AppId ? null : chosen.AppId },
                    Mailboxes = state.Mailboxes with { Access = null },
                    Permissions = state.Permissions with { Consented = null, InToken = null },
                };
                return (adopted, ReadAppSetup(adopted));
        }
        return Stay(state with { App = app with { Cursor = Scroll(app.Cursor, action, TuiLayout.ListRows(state.Height), app.Rows - 1) } });
    }

    private static string DefaultSecretFile(string appName)
    {
        var slug = new string(appName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return (slug.Length == 0 ? "mail-app" : slug) + ".secret";
    }

    private static (TuiState, IReadOnlyList<Effect>) PermissionsKey(TuiState state, PermissionsModel permissions, KeyAction? action)
    {
        if (action is KeyAction.Choose or KeyAction.Toggle)
        {
            var preset = permissions.Presets[permissions.Cursor].Name;
            var selected = new HashSet<string>(permissions.Selected);
            if (!selected.Remove(preset)) selected.Add(preset);
            return Stay(state with { Permissions = permissions with { Selected = selected } });
        }
        return Stay(
            state with { Permissions =
                permissions with { Cursor = Scroll(permissions.Cursor, action, TuiLayout.ListRows(state.Height), permissions.Presets.Count - 1) } });
    }

    private static (TuiState, IReadOnlyList<Effect>) MailboxesKey(TuiState state, MailboxesModel mailboxes, KeyAction? action)
    {
        switch (action)
        {
            case KeyAction.Find: return Stay(state with { Mailboxes = mailboxes with { Editing = InputField.MailboxFilter } });
            case KeyAction.Scoping: return Stay(state with { Mailboxes = mailboxes.NextScope() });
            case KeyAction.ScopeGroup: return Stay(
                state with { Mailboxes = mailboxes with { Editing = InputField.ScopeGroup, ScopeGroup = mailboxes.ScopeGroup ?? new TextInput() } });
            case KeyAction.SendAs: return Stay(state with { Mailboxes = mailboxes with { SendAs = !mailboxes.SendAs } });
            case KeyAction.Choose or KeyAction.Toggle when mailboxes.Current is { } current:
                var toggled = state with { Mailboxes = mailboxes.Toggle(current.Address) };
                return (toggled, ReadAppSetup(toggled));
        }
        return Stay(
            state with { Mailboxes =
                mailboxes with { Cursor = Scroll(mailboxes.Cursor, action, TuiLayout.ListRows(state.Height), mailboxes.Visible.Count - 1) } });
    }

    private static (TuiState, IReadOnlyList<Effect>) DiagnosticsKey(TuiState state, DiagnosticsModel diagnostics, KeyAction? action)
    {
        switch (action)
        {
            case KeyAction.Imap: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Imap) });
            case KeyAction.Pop: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Pop) });
            case KeyAction.Smtp: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Smtp) });
            case KeyAction.Find: return Stay(
                state with { Diagnostics = diagnostics with { Editing = InputField.TraceSearch, Search = new TextInput() } });
            case KeyAction.TraceFilter: return Stay(
                state with { Diagnostics = diagnostics with { ProtocolFilter = NextFilter(diagnostics.ProtocolFilter) } });
            case KeyAction.Auth when !diagnostics.Running:
                var next = DiagnosticsModel.Flows[(DiagnosticsModel.Flows.ToList().IndexOf(diagnostics.Auth) + 1) % DiagnosticsModel.Flows.Count];
                return Stay(state with { Diagnostics = diagnostics with { Auth = next, Password = null } });
            case KeyAction.User: return Stay(
                state with { Diagnostics = diagnostics with { Editing = InputField.User, User = diagnostics.User ?? new TextInput() } });
            case KeyAction.Preflight: return StartDiagnostics(state, diagnostics, preflight: true);
            case KeyAction.Choose or KeyAction.Run:
                return StartDiagnostics(state, diagnostics, preflight: false);
            case KeyAction.Bottom:
                return Stay(state with { Diagnostics = diagnostics with { Follow = true, ScrollBack = 0 } });
        }

        // Scrolling back stops following; ScrollBack counts lines up from the newest.
        var page = TuiLayout.ListRows(state.Height);
        var back = action switch
        {
            KeyAction.Up => diagnostics.ScrollBack + 1,
            KeyAction.Down => diagnostics.ScrollBack - 1,
            KeyAction.PageUp => diagnostics.ScrollBack + page,
            KeyAction.PageDown => diagnostics.ScrollBack - page,
            KeyAction.Top => diagnostics.Trace.Count,
            _ => diagnostics.ScrollBack,
        };
        back = Math.Clamp(back, 0, Math.Max(0, diagnostics.Trace.Count - 1));
        return Stay(state with { Diagnostics = diagnostics with { ScrollBack = back, Follow = back == 0 } });
    }

    private static DiagnosticsModel ToggleProtocol(DiagnosticsModel diagnostics, MailProtocol protocol)
    {
        var protocols = new HashSet<MailProtocol>(diagnostics.Protocols);
        if (!protocols.Remove(protocol)) protocols.Add(protocol);
        return diagnostics with { Protocols = protocols };
    }

    private static MailProtocol? NextFilter(MailProtocol? filter) => filter switch
    {
        null => MailProtocol.Imap,
        MailProtocol.Imap => MailProtocol.Pop,
        MailProtocol.Pop => MailProtocol.Smtp,
        _ => null,
    };

    /// <summary>Diagnoses the first selected mailbox (else the one under the cursor) with the adopted or newest app.</summary>
    private static (TuiState, IReadOnlyList<Effect>) StartDiagnostics(TuiState state, DiagnosticsModel diagnostics, bool preflight)
    {
        if (diagnostics.Running) return Stay(state with { Status = "diagnostics are already running; Esc cancels them" });
        var mailbox = state.Mailboxes.Selected.Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault() ?? state.Mailboxes.Current?.Address;
        if (mailbox is null) return Stay(state with { Status = "pick a mailbox first (pane 4, Space selects)" });
        if (diagnostics.Protocols.Count == 0) return Stay(state with { Status = "pick a protocol first: i IMAP, o POP, s SMTP" });
        // The password flow on a real tenant asks for the password first (never stored beyond this run).
        if (!preflight && diagnostics.Auth == MailSetup.Core.Identity.MailTokens.MailTokenFlow.Ropc && !state.Tenant.Sandbox
            && diagnostics.Password is not { Text.Length: > 0 })
            return Stay(
                state with { Diagnostics = diagnostics with { Editing = InputField.Password, Password = new TextInput(masked: true) },
                    Focus = Pane.Diagnostics });
        var protocols = diagnostics.Protocols.Order().ToList();
        var next =
            diagnostics with { Trace = diagnostics.Trace.Cleared(), Running = true, Follow = true, ScrollBack = 0, Verdicts = [],
                Preflight = preflight ? [] : diagnostics.Preflight, Status = $"{(preflight ? "preflight" : "diagnosing")} {mailbox}..." };
        var user = diagnostics.User?.Text.Trim() is { Length: > 0 } named ? named : null;
        Effect effect = preflight
            ? new PreflightEffect(protocols, mailbox, state.App.AdoptedAppId)
            : new DiagnoseEffect(protocols, mailbox, state.App.AdoptedAppId, diagnostics.Auth, user, diagnostics.Password?.Text);
        next = next with { Password = null };
        return Do(state with { Diagnostics = next, Focus = Pane.Diagnostics }, effect);
    }
}
