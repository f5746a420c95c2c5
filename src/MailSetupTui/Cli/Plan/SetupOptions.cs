using System.CommandLine;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>
/// The options that describe a setup, shared by <c>mailsetup plan</c> and <c>mailsetup apply</c>.
/// Values the core checks are taken as strings (numbers, GUIDs, names), so the core's messages name
/// exactly what was typed.
/// </summary>
internal sealed class SetupOptions
{
    public Option<string> Preset { get; } = new("--preset")
    {
        Description = $"Scenario preset(s), comma-separated (required): {string.Join(", ", PresetCatalog.Names)}. See 'mailsetup presets'.",
        HelpName = "preset[,preset]",
    };

    public Option<string> AppName { get; } = new("--app-name")
    {
        Description = $"Create a new app registration with this display name (1 to {SetupRequestParser.MaxAppNameLength} characters).",
        HelpName = "name",
    };

    public Option<string> AppId { get; } = new("--app-id")
    {
        Description = "Adopt an existing app registration by its application (client) id instead.",
        HelpName = "guid",
    };

    public Option<string[]> Mailbox { get; } = new("--mailbox")
    {
        Description = "A mailbox the app may use; repeat for more.",
        HelpName = "address",
    };

    public Option<string[]> MailboxesFile { get; } = new("--mailboxes-file")
    {
        Description = "A file of mailbox addresses, one a line; blank lines and # comments are skipped. Repeatable.",
        HelpName = "file",
    };

    public Option<bool> SendAs { get; } = new("--send-as")
    {
        Description = "Also grant SendAs on each mailbox (presets that send mail).",
    };

    public Option<string> Scope { get; } = new("--scope")
    {
        Description = "Limit the app to the members of --scope-group: rbac (recommended) or access-policy (legacy).",
        HelpName = "rbac|access-policy",
    };

    public Option<string> ScopeGroup { get; } = new("--scope-group")
    {
        Description = "Address of the group for --scope: for rbac a Microsoft 365 group, mail-enabled security group or distribution " +
                      "list; for access-policy a mail-enabled security group.",
        HelpName = "address",
    };

    public Option<string> Cloud { get; } = new("--cloud")
    {
        Description = $"The Microsoft 365 cloud: {string.Join(", ", CloudCatalog.Keys)} (default global).",
        HelpName = string.Join('|', CloudCatalog.Keys),
    };

    public Option<string> SecretDays { get; } = new("--secret-days")
    {
        Description = $"Client secret lifetime in days, 1 to {CredentialRequest.MaxSecretDays} (default {CredentialRequest.DefaultSecretDays}).",
        HelpName = "days",
    };

    public Option<bool> Certificate { get; } = new("--certificate")
    {
        Description = "Use a self-signed certificate instead of a client secret.",
    };

    public Option<string> DelegatedFlow { get; } = new("--delegated-flow")
    {
        Description = "For delegated presets (delegated-mail): device (default; a public client people sign in to by device code, no secret) " +
            "or password (a confidential client: the password flow with a client secret).",
        HelpName = "device|password",
    };

    public Option<string> SmtpAuth { get; } = new("--smtp-auth")
    {
        Description = "Where SMTP AUTH is turned on for SMTP logins: mailbox (default, the given mailboxes only) or tenant (every mailbox).",
        HelpName = "mailbox|tenant",
    };

    public Option<string> LoginHost { get; } = HostOption("--login-host", "sign-in (token) host");

    public Option<string> GraphHost { get; } = HostOption("--graph-host", "Microsoft Graph host");

    public Option<string> ExchangeHost { get; } = HostOption("--exchange-host", "Exchange Online (IMAP/POP) host");

    public Option<string> SmtpHost { get; } = HostOption("--smtp-host", "SMTP AUTH host");

    public IEnumerable<Option> All =>
    [
        Preset, AppName, AppId, Mailbox, MailboxesFile, SendAs, Scope, ScopeGroup, Cloud,
        SecretDays, Certificate, DelegatedFlow, SmtpAuth, LoginHost, GraphHost, ExchangeHost, SmtpHost,
    ];

    /// <summary>The host overrides with their values, in the order CloudHostOverrides takes them.</summary>
    public IEnumerable<Option<string>> Hosts => [LoginHost, GraphHost, ExchangeHost, SmtpHost];

    private static Option<string> HostOption(string name, string what) => new(name)
    {
        Description = $"Use this {what} instead of the cloud's own.",
        HelpName = "host",
    };
}
