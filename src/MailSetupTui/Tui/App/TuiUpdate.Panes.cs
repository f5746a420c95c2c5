using MailSetup.Core.Catalog;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

public static partial class TuiUpdate
{
    private static (TuiState, IReadOnlyList<Effect>) PaneKey(TuiState state, KeyPress key) => state.Focus switch
    {
        Pane.Tenant => key.IsChar('r') ? Do(state with { Tenant = state.Tenant with { Status = SignInStatus.SigningIn, Problem = null } }, new SignInEffect())
            : key.IsChar('o') && state.Tenant.Status == SignInStatus.SignedIn && state.RunningWork is null ? Do(state, new SignOutEffect())
            : Stay(state),
        Pane.App => AppKey(state, state.App, key),
        Pane.Permissions => PermissionsKey(state, state.Permissions, key),
        Pane.Mailboxes => MailboxesKey(state, state.Mailboxes, key),
        _ => DiagnosticsKey(state, state.Diagnostics, key),
    };

    private static (TuiState, IReadOnlyList<Effect>) AppKey(TuiState state, AppModel app, KeyPress key)
    {
        if (app.SavePath is { } savePath)
        {
            if (key.Name == KeyName.Escape) return Stay(state with { App = app with { SavePath = null } });
            if (key.Name == KeyName.Enter && savePath.Text.Trim().Length > 0 && app.NewSecret is { } secret)
                return Do(state with { App = app with { SavePath = null, Notice = "saving..." } }, new SaveSecretEffect(secret, savePath.Text.Trim()));
            return Stay(state with { App = app with { SavePath = savePath.Edit(key) ?? savePath } });
        }
        if (app.FilterEditing)
        {
            if (key.Name is KeyName.Enter) return Stay(state with { App = app with { FilterEditing = false } });
            if (key.Name is KeyName.Escape) return Stay(state with { App = app with { FilterEditing = false, Filter = null, Cursor = 0 } });
            var filter = app.Filter ?? new TextField();
            return Stay(state with { App = app with { Filter = filter.Edit(key) ?? filter, Cursor = 0 } });
        }
        if (key.IsChar('/')) return Stay(state with { App = app with { FilterEditing = true, Filter = app.Filter ?? new TextField() } });
        if (app.Editing)
        {
            if (key.Name is KeyName.Enter or KeyName.Escape) return Stay(state with { App = app with { Editing = false } });
            return Stay(state with { App = app with { Name = app.Name.Edit(key) ?? app.Name } });
        }
        if (app.NewSecret is not null && key.IsChar('s'))
            return Stay(state with { App = app with { SavePath = new TextField(DefaultSecretFile(app.Name.Text), 400) } });
        if (app.NewSecret is not null && key.IsChar('d'))
            return Stay(state with { App = app with { NewSecret = null, Notice = "the secret was dismissed; it cannot be shown again (add a new one if it was not saved)" } });
        if (key.Name == KeyName.Enter || key.IsChar(' '))
        {
            if (app.Cursor == 0) return Stay(state with { App = app with { Editing = true, AdoptedAppId = null } });
            var chosen = app.Visible[app.Cursor - 1];
            var adopted = state with
            {
                App = app with { AdoptedAppId = app.AdoptedAppId == chosen.AppId ? null : chosen.AppId },
                Mailboxes = state.Mailboxes with { Access = null },
                Permissions = state.Permissions with { Consented = null, InToken = null },
            };
            return (adopted, ReadAppSetup(adopted));
        }
        return Stay(state with { App = app with { Cursor = Scroll(app.Cursor, key, TuiLayout.ListRows(state.Height), app.Rows - 1) } });
    }

    private static string DefaultSecretFile(string appName)
    {
        var slug = new string(appName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return (slug.Length == 0 ? "mail-app" : slug) + ".secret";
    }

    private static (TuiState, IReadOnlyList<Effect>) PermissionsKey(TuiState state, PermissionsModel permissions, KeyPress key)
    {
        if (key.Name == KeyName.Enter || key.IsChar(' '))
        {
            var preset = permissions.Presets[permissions.Cursor].Name;
            var selected = new HashSet<string>(permissions.Selected);
            if (!selected.Remove(preset)) selected.Add(preset);
            return Stay(state with { Permissions = permissions with { Selected = selected } });
        }
        return Stay(state with { Permissions = permissions with { Cursor = Scroll(permissions.Cursor, key, TuiLayout.ListRows(state.Height), permissions.Presets.Count - 1) } });
    }

    private static (TuiState, IReadOnlyList<Effect>) MailboxesKey(TuiState state, MailboxesModel mailboxes, KeyPress key)
    {
        if (mailboxes.FilterEditing)
        {
            if (key.Name is KeyName.Enter) return Stay(state with { Mailboxes = mailboxes with { FilterEditing = false } });
            if (key.Name is KeyName.Escape) return Stay(state with { Mailboxes = mailboxes.WithFilter(new TextField()) with { FilterEditing = false } });
            return Stay(state with { Mailboxes = mailboxes.Filter.Edit(key) is { } filter ? mailboxes.WithFilter(filter) : mailboxes });
        }
        if (mailboxes.ScopeGroupEditing)
        {
            if (key.Name is KeyName.Enter or KeyName.Escape) return Stay(state with { Mailboxes = mailboxes with { ScopeGroupEditing = false } });
            var group = mailboxes.ScopeGroup ?? new TextField();
            return Stay(state with { Mailboxes = mailboxes with { ScopeGroup = group.Edit(key) ?? group } });
        }
        if (key.IsChar('/')) return Stay(state with { Mailboxes = mailboxes with { FilterEditing = true } });
        if (key.IsChar('c')) return Stay(state with { Mailboxes = mailboxes.NextScope() });
        if (key.IsChar('g')) return Stay(state with { Mailboxes = mailboxes with { ScopeGroupEditing = true, ScopeGroup = mailboxes.ScopeGroup ?? new TextField() } });
        if (key.IsChar('s')) return Stay(state with { Mailboxes = mailboxes with { SendAs = !mailboxes.SendAs } });
        if ((key.IsChar(' ') || key.Name == KeyName.Enter) && mailboxes.Current is { } current)
        {
            var toggled = state with { Mailboxes = mailboxes.Toggle(current.Address) };
            return (toggled, ReadAppSetup(toggled));
        }
        return Stay(state with { Mailboxes = mailboxes with { Cursor = Scroll(mailboxes.Cursor, key, TuiLayout.ListRows(state.Height), mailboxes.Visible.Count - 1) } });
    }

    private static (TuiState, IReadOnlyList<Effect>) DiagnosticsKey(TuiState state, DiagnosticsModel diagnostics, KeyPress key)
    {
        if (diagnostics.UserEditing)
        {
            if (key.Name is KeyName.Enter or KeyName.Escape) return Stay(state with { Diagnostics = diagnostics with { UserEditing = false } });
            var user = diagnostics.User ?? new TextField();
            return Stay(state with { Diagnostics = diagnostics with { User = user.Edit(key) ?? user } });
        }
        if (diagnostics.PasswordEditing)
        {
            if (key.Name is KeyName.Escape) return Stay(state with { Diagnostics = diagnostics with { PasswordEditing = false, Password = null } });
            if (key.Name is KeyName.Enter) return StartDiagnostics(state, diagnostics with { PasswordEditing = false }, preflight: false);
            var password = diagnostics.Password ?? new TextField();
            return Stay(state with { Diagnostics = diagnostics with { Password = password.Edit(key) ?? password } });
        }
        if (diagnostics.SearchEditing)
        {
            if (key.Name is KeyName.Enter) return Stay(state with { Diagnostics = diagnostics with { SearchEditing = false } });
            if (key.Name is KeyName.Escape) return Stay(state with { Diagnostics = diagnostics with { SearchEditing = false, Search = null } });
            var search = diagnostics.Search ?? new TextField();
            return Stay(state with { Diagnostics = diagnostics with { Search = search.Edit(key) ?? search } });
        }

        switch (key)
        {
            case { Name: KeyName.Char, Char: 'i' }: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Imap) });
            case { Name: KeyName.Char, Char: 'o' }: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Pop) });
            case { Name: KeyName.Char, Char: 's' }: return Stay(state with { Diagnostics = ToggleProtocol(diagnostics, MailProtocol.Smtp) });
            case { Name: KeyName.Char, Char: '/' }: return Stay(state with { Diagnostics = diagnostics with { SearchEditing = true, Search = new TextField() } });
            case { Name: KeyName.Char, Char: 't' }: return Stay(state with { Diagnostics = diagnostics with { ProtocolFilter = NextFilter(diagnostics.ProtocolFilter) } });
            case { Name: KeyName.Char, Char: 'a' } when !diagnostics.Running:
                var next = DiagnosticsModel.Flows[(DiagnosticsModel.Flows.ToList().IndexOf(diagnostics.Auth) + 1) % DiagnosticsModel.Flows.Count];
                return Stay(state with { Diagnostics = diagnostics with { Auth = next, Password = null } });
            case { Name: KeyName.Char, Char: 'u' }: return Stay(state with { Diagnostics = diagnostics with { UserEditing = true, User = diagnostics.User ?? new TextField() } });
            case { Name: KeyName.Char, Char: 'f' }: return StartDiagnostics(state, diagnostics, preflight: true);
            case { Name: KeyName.Enter }:
            case { Name: KeyName.Char, Char: 'r' }:
                return StartDiagnostics(state, diagnostics, preflight: false);
            case { Name: KeyName.End }:
                return Stay(state with { Diagnostics = diagnostics with { Follow = true, ScrollBack = 0 } });
        }

        // Scrolling back stops following; ScrollBack counts lines up from the newest.
        var page = TuiLayout.ListRows(state.Height);
        var back = key.Name switch
        {
            KeyName.Up => diagnostics.ScrollBack + 1,
            KeyName.Char when key.Char == 'k' => diagnostics.ScrollBack + 1,
            KeyName.Down => diagnostics.ScrollBack - 1,
            KeyName.Char when key.Char == 'j' => diagnostics.ScrollBack - 1,
            KeyName.PageUp => diagnostics.ScrollBack + page,
            KeyName.PageDown => diagnostics.ScrollBack - page,
            KeyName.Home => diagnostics.Trace.Count,
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
        if (!preflight && diagnostics.Auth == MailSetup.Core.Identity.MailTokens.MailTokenFlow.Ropc && !state.Tenant.Sandbox && diagnostics.Password is not { Text.Length: > 0 })
            return Stay(state with { Diagnostics = diagnostics with { PasswordEditing = true, Password = new TextField() }, Focus = Pane.Diagnostics });
        var protocols = diagnostics.Protocols.Order().ToList();
        var next = diagnostics with { Trace = diagnostics.Trace.Cleared(), Running = true, Follow = true, ScrollBack = 0, Verdicts = [], Preflight = preflight ? [] : diagnostics.Preflight, Status = $"{(preflight ? "preflight" : "diagnosing")} {mailbox}..." };
        var user = diagnostics.User?.Text.Trim() is { Length: > 0 } named ? named : null;
        Effect effect = preflight
            ? new PreflightEffect(protocols, mailbox, state.App.AdoptedAppId)
            : new DiagnoseEffect(protocols, mailbox, state.App.AdoptedAppId, diagnostics.Auth, user, diagnostics.Password?.Text);
        next = next with { Password = null };
        return Do(state with { Diagnostics = next, Focus = Pane.Diagnostics }, effect);
    }
}
