using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>The setup fields as the command line names them: its option names, as typed.</summary>
internal sealed class SetupOptionNames : ISetupFieldNames
{
    public static SetupOptionNames Instance { get; } = new();

    private SetupOptionNames()
    {
    }

    public string Name(SetupField field) => field switch
    {
        SetupField.Presets => "--preset",
        SetupField.AppName => "--app-name",
        SetupField.AppId => "--app-id",
        SetupField.Mailboxes => "--mailbox",
        SetupField.MailboxFiles => "--mailboxes-file",
        SetupField.SendAs => "--send-as",
        SetupField.Scope => "--scope",
        SetupField.ScopeGroup => "--scope-group",
        SetupField.Cloud => "--cloud",
        SetupField.SecretDays => "--secret-days",
        SetupField.Certificate => "--certificate",
        SetupField.DelegatedFlow => "--delegated-flow",
        SetupField.SmtpAuth => "--smtp-auth",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public string Usage(SetupField field) => field switch
    {
        SetupField.AppName => "--app-name NAME",
        SetupField.AppId => "--app-id GUID",
        SetupField.Mailboxes => "--mailbox ADDR",
        SetupField.MailboxFiles => "--mailboxes-file F",
        _ => Name(field),
    };

    /// <summary>What an error is about, as the CLI prints it: its options joined with '/', e.g. <c>--app-name/--app-id</c>.</summary>
    public string Subject(InputError error) => string.Join('/', error.Fields.Select(Name));
}
