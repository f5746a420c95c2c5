using MailSetup.Core.Catalog;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// The Exchange cmdlets that fix a login, with the facts' ids filled in. One place, so the answer
/// rules and the setup rules never disagree on a cmdlet's spelling.
/// </summary>
public static class ExchangeFixes
{
    public static string NewServicePrincipal(DiagnosisFacts facts) =>
        $"New-ServicePrincipal -AppId {facts.AppIdOrPlaceholder} -ObjectId {facts.ServicePrincipalOrPlaceholder}";

    public static string RemoveServicePrincipal(string objectId) => $"Remove-ServicePrincipal -Identity {objectId}";

    public static string AddMailboxPermission(DiagnosisFacts facts) =>
        $"Add-MailboxPermission -Identity {facts.MailboxOrPlaceholder} -User {facts.ServicePrincipalOrPlaceholder} -AccessRights FullAccess";

    public static string AddSendAs(DiagnosisFacts facts) =>
        $"Add-RecipientPermission -Identity {facts.MailboxOrPlaceholder} -Trustee {facts.ServicePrincipalOrPlaceholder} -AccessRights SendAs";

    public static string EnableProtocol(DiagnosisFacts facts, MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => $"Set-CASMailbox -Identity {facts.MailboxOrPlaceholder} -ImapEnabled $true",
        MailProtocol.Pop => $"Set-CASMailbox -Identity {facts.MailboxOrPlaceholder} -PopEnabled $true",
        _ => EnableSmtpAuthForMailbox(facts),
    };

    public const string EnableSmtpAuthForTenant = "Set-TransportConfig -SmtpClientAuthenticationDisabled $false";

    public static string EnableSmtpAuthForMailbox(DiagnosisFacts facts) =>
        $"Set-CASMailbox -Identity {facts.MailboxOrPlaceholder} -SmtpClientAuthenticationDisabled $false";

    public static string TestAuthorization(DiagnosisFacts facts) =>
        $"Test-ServicePrincipalAuthorization -Identity {facts.ServicePrincipalOrPlaceholder} -Resource {facts.MailboxOrPlaceholder}";

    public static string Role(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsApp",
        MailProtocol.Pop => "POP.AccessAsApp",
        _ => "SMTP.SendAsApp",
    };

    public static string Scope(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsUser.All",
        MailProtocol.Pop => "POP.AccessAsUser.All",
        _ => "SMTP.Send",
    };

    /// <summary>The usual causes of an unexplained rejection (FACTS.md), as one checklist.</summary>
    public static string Checklist(DiagnosisFacts facts, MailProtocol protocol)
    {
        var steps = new List<string>
        {
            $"register the app with Exchange: {NewServicePrincipal(facts)} (the ObjectId of the ENTERPRISE APP, not of the app registration)",
        };
        if (protocol != MailProtocol.Smtp) steps.Add($"give the mailbox permission: {AddMailboxPermission(facts)}");
        steps.Add(
            $"request the token for {facts.CloudOrGlobal.ExchangeScope.Display} and check it carries {Role(protocol)} (mailsetup token inspect)");
        steps.Add($"verify: {TestAuthorization(facts)}; changes can take up to 30 minutes to replicate");
        return string.Join("; ", steps.Select((s, i) => $"{i + 1}. {s}"));
    }
}
