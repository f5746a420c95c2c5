using MailSetup.Core.Plans;

namespace MailSetup.Testing;

/// <summary>
/// The named setup requests every plan format is snapshot-tested with: each preset alone, and the
/// combinations the issue names (several mailboxes with SendAs, RBAC, access policy, China, adoption).
/// </summary>
public static class PlanCases
{
    public const string Support = "support@contoso.onmicrosoft.com";
    public const string Group = "mail-apps@contoso.onmicrosoft.com";
    public const string ExistingAppId = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";

    public static IReadOnlyDictionary<string, SetupRequestInput> All { get; } =
        new SortedDictionary<string, SetupRequestInput>(StringComparer.Ordinal)
    {
        ["imap-app"] = Alone("imap-app"),
        ["pop-app"] = Alone("pop-app"),
        ["smtp-app"] = Alone("smtp-app"),
        ["graph-mail"] = Alone("graph-mail"),
        ["graph-send"] = Alone("graph-send"),
        ["graph-gateway"] = Alone("graph-gateway"),
        ["delegated-mail"] = Alone("delegated-mail"),
        ["delegated-mail-password"] = Alone("delegated-mail") with { DelegatedFlow = "password" },
        ["imap-smtp-three-mailboxes-send-as"] = new()
        {
            Presets = "imap-app,smtp-app",
            AppName = "Contoso Mail Relay",
            Mailboxes = [Support, "sales@contoso.onmicrosoft.com", "noreply@contoso.onmicrosoft.com"],
            SendAs = true,
        },
        ["graph-gateway-rbac"] = new() { Presets = "graph-gateway", AppName = "Contoso Gateway", Scope = "rbac", ScopeGroup = Group },
        ["graph-mail-access-policy"] =
            new() { Presets = "graph-mail", AppName = "Contoso Contact Centre", Scope = "access-policy", ScopeGroup = Group },
        ["imap-app-china"] = new() { Presets = "imap-app", AppName = "Contoso IMAP", Mailboxes = [Support], Cloud = "china" },
        ["imap-app-adopt"] = new() { Presets = "imap-app", AppId = ExistingAppId, Mailboxes = [Support] },
        ["smtp-app-certificate"] = new() { Presets = "smtp-app", AppName = "Contoso SMTP", Mailboxes = [Support], Certificate = true },
        ["smtp-app-rbac"] =
            new() { Presets = "smtp-app", AppName = "Contoso SMTP Scoped", Mailboxes = [Support], Scope = "rbac", ScopeGroup = Group },
        ["smtp-app-tenant-auth"] = new() { Presets = "smtp-app", AppName = "Contoso SMTP Tenant", Mailboxes = [Support], SmtpAuth = "tenant" },
    };

    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "http", "powershell"];

    private static SetupRequestInput Alone(string preset) => new()
    {
        Presets = preset,
        AppName = $"Contoso {preset}",
        Mailboxes = [Support],
    };
}
