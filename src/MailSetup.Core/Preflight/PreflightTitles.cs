namespace MailSetup.Core.Preflight;

/// <summary>The title of each link of the chain, by key: one place, so a link reads the same whether judged or skipped.</summary>
public static class PreflightTitles
{
    private static readonly Dictionary<string, string> Titles = new()
    {
        ["app"] = "App registration",
        ["enterprise-app"] = "Enterprise app (service principal)",
        ["credential"] = "Client secret or certificate",
        ["consent"] = "Admin consent",
        ["exchange-registration"] = "Registered with Exchange (New-ServicePrincipal)",
        ["mailbox"] = "Mailbox",
        ["mailbox-permission"] = "Mailbox permission for the app",
        ["protocol-imap"] = "IMAP enabled on the mailbox",
        ["protocol-pop"] = "POP enabled on the mailbox",
        ["protocol-smtp"] = "SMTP AUTH allowed",
        ["token"] = "Token carries the role",
        ["login-imap"] = "IMAP login",
        ["login-pop"] = "POP login",
        ["login-smtp"] = "SMTP login",
    };

    public static string Of(string key) => Titles.GetValueOrDefault(key, key);
}
