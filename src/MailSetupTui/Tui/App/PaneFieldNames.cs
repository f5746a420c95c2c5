using MailSetup.Core.Plans;

namespace MailSetupTui.Tui.App;

/// <summary>
/// The setup fields in the words the panes show (the app name in pane 2, presets in pane 3, the
/// mailboxes, scoping and scope group in pane 4), so a rejected plan never speaks in CLI options.
/// </summary>
internal sealed class PaneFieldNames : ISetupFieldNames
{
    public static PaneFieldNames Instance { get; } = new();

    private PaneFieldNames()
    {
    }

    public string Name(SetupField field) => field switch
    {
        SetupField.Presets => "presets",
        SetupField.AppName => "app name",
        SetupField.AppId => "adopted app",
        SetupField.Mailboxes => "mailboxes",
        SetupField.MailboxFiles => "mailboxes file",
        SetupField.SendAs => "SendAs",
        SetupField.Scope => "scoping",
        SetupField.ScopeGroup => "scope group",
        SetupField.Cloud => "cloud",
        SetupField.SecretDays => "secret lifetime",
        SetupField.Certificate => "certificate",
        SetupField.DelegatedFlow => "sign-in flow",
        SetupField.SmtpAuth => "SMTP AUTH",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public string Usage(SetupField field) => field switch
    {
        SetupField.AppName => "a name (pane 2)",
        SetupField.AppId => "an existing app (pane 2)",
        SetupField.Mailboxes => "a mailbox (pane 4)",
        SetupField.MailboxFiles => "a mailboxes file",
        _ => Name(field),
    };

    /// <summary>One problem as the status line shows it: the field, then what is wrong.</summary>
    public string Describe(InputError error) => $"{Name(error.Field)}: {error.Message}";
}
