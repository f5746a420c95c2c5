namespace MailSetupTui.Tui.App;

/// <summary>The five panes, numbered as the keys 1-5 select them.</summary>
public enum Pane
{
    Tenant = 1,
    App = 2,
    Permissions = 3,
    Mailboxes = 4,
    Diagnostics = 5,
}
