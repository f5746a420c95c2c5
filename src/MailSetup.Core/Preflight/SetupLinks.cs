using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Setup;

namespace MailSetup.Core.Preflight;

/// <summary>
/// The links a live read of the setup can judge, in the order a login depends on them: the app, its
/// enterprise app, a usable credential, consent, Exchange's registration with the right ObjectId,
/// the mailbox, the app's permission on it, and the protocol switches. Pure: the same setup gives the same links.
/// </summary>
public static class SetupLinks
{
    public static TimeSpan CredentialWarning => SetupStateRule.SecretWarning;

    public static IEnumerable<PreflightLink> Judge(MailAppSetup setup, IReadOnlyList<MailProtocol> protocols, DateTimeOffset now)
    {
        var facts = setup.Facts(now);
        yield return setup.App is { } app
            ? PreflightLink.Pass("app", PreflightTitles.Of("app"), $"'{app.DisplayName}' (appId {setup.AppId}, object id {app.ObjectId})")
            : PreflightLink.Fail("app", PreflightTitles.Of("app"), $"GET /applications?$filter=appId eq '{setup.AppId}' finds nothing",
                "Check the client id and the tenant, or create the app: mailsetup apply --preset imap-app --app-name \"Mail App\" --mailbox " +
                "<mailbox>");

        yield return setup.ServicePrincipalId is { } sp
            ? PreflightLink.Pass("enterprise-app", PreflightTitles.Of("enterprise-app"), $"object id {sp}")
            : PreflightLink.Fail("enterprise-app", PreflightTitles.Of("enterprise-app"),
                $"GET /servicePrincipals?$filter=appId eq '{setup.AppId}' finds nothing",
                $"POST /servicePrincipals {{\"appId\":\"{setup.AppId}\"}}");

        yield return Credential(setup, now);
        yield return Consent(setup, protocols);

        yield return setup.Exchange switch
        {
            null =>
                PreflightLink.Fail("exchange-registration", PreflightTitles.Of("exchange-registration"),
                    $"Get-ServicePrincipal lists no AppId {setup.AppId}",
                ExchangeFixes.NewServicePrincipal(facts)),
            { } registered when !string.Equals(registered.ObjectId, setup.ServicePrincipalId, StringComparison.OrdinalIgnoreCase) =>
                PreflightLink.Fail("exchange-registration", PreflightTitles.Of("exchange-registration"),
                    $"Get-ServicePrincipal: ObjectId {registered.ObjectId}, but the enterprise app is {setup.ServicePrincipalId}" +
                    (string.Equals(registered.ObjectId, setup.App?.ObjectId, StringComparison.OrdinalIgnoreCase)
                        ? " (the app REGISTRATION's object id was given: the classic mistake)"
                        : ""),
                    $"{ExchangeFixes.RemoveServicePrincipal(registered.ObjectId)}; then {ExchangeFixes.NewServicePrincipal(facts)}"),
            { } registered =>
                PreflightLink.Pass("exchange-registration", PreflightTitles.Of("exchange-registration"),
                    $"AppId {registered.AppId}, ObjectId {registered.ObjectId}"),
        };

        if (setup.Mailbox is not { } mailbox)
        {
            yield return PreflightLink.Fail("mailbox", PreflightTitles.Of("mailbox"), $"Get-CASMailbox {facts.MailboxOrPlaceholder} finds no mailbox",
                "Check the address: it must be a user or shared mailbox of this tenant (its primary SMTP address or UPN).");
            yield break;
        }
        yield return PreflightLink.Pass("mailbox", PreflightTitles.Of("mailbox"), mailbox.Address);

        // App-only IMAP and POP need FullAccess (FACTS.md); sending over SMTP as the mailbox takes FullAccess or SendAs.
        var readsMail = protocols.Any(p => p is MailProtocol.Imap or MailProtocol.Pop);
        if (readsMail || protocols.Contains(MailProtocol.Smtp))
            yield return mailbox.FullAccess || (!readsMail && mailbox.SendAs)
                ? PreflightLink.Pass("mailbox-permission", PreflightTitles.Of("mailbox-permission"),
                    $"{mailbox.Address}: {(mailbox.FullAccess ? "FullAccess" : "SendAs")} for {setup.Exchange?.ObjectId ?? setup.ServicePrincipalId}")
                : PreflightLink.Fail("mailbox-permission", PreflightTitles.Of("mailbox-permission"),
                    $"Get-MailboxPermission {mailbox.Address}: no FullAccess for {facts.ServicePrincipalOrPlaceholder}",
                    ExchangeFixes.AddMailboxPermission(facts));

        foreach (var protocol in protocols.Distinct().Order()) yield return Protocol(setup, mailbox, protocol, facts);
    }

    private static PreflightLink Credential(MailAppSetup setup, DateTimeOffset now)
    {
        const string key = "credential";
        var title = PreflightTitles.Of(key);
        var all = (setup.App?.Secrets ?? []).Concat(setup.App?.Certificates ?? []).ToList();
        var addPassword =
            $"POST /applications/{setup.App?.ObjectId ?? "<app object id>"}/addPassword, put the new value in the mail software, " +
            "remove the old secret; or move to a certificate.";
        if (all.Count == 0)
            return setup.App?.PublicClientFlows == true
                ? PreflightLink.Pass(key, title, "none, and public client flows are on (delegated sign-in)")
                : PreflightLink.Fail(key, title, "the app has no client secret and no certificate", addPassword);
        var best = all.MaxBy(c => c.EndsOn)!;
        var evidence = $"'{best.Name}' ends {best.EndsOn.UtcDateTime:yyyy-MM-dd}Z ({RelativeTime.Describe(best.EndsOn, now)})";
        if (best.EndsOn <= now) return PreflightLink.Fail(key, title, "every credential has expired; the latest, " + evidence, addPassword);
        if (best.EndsOn - now <= CredentialWarning) return PreflightLink.Warn(key, title, evidence, addPassword);
        return PreflightLink.Pass(key, title, evidence);
    }

    private static PreflightLink Consent(MailAppSetup setup, IReadOnlyList<MailProtocol> protocols)
    {
        var wanted = protocols.Distinct().Order().Select(p => ExchangeFixes.Role(p)).ToList();
        var missing = wanted.Where(r => !setup.ExchangeRoles.Contains(r)).ToList();
        if (missing.Count == 0) return PreflightLink.Pass("consent", PreflightTitles.Of("consent"),
            $"Office 365 Exchange Online: {string.Join(", ", wanted)}");
        var facts = setup.Facts(DateTimeOffset.MinValue);
        return PreflightLink.Fail("consent", PreflightTitles.Of("consent"),
            $"no appRoleAssignment of {string.Join(", ", missing)} " +
            $"(consented: {(setup.ExchangeRoles.Count == 0 ? "none" : string.Join(", ", setup.ExchangeRoles.Order()))})",
            $"add the application permission(s) {string.Join(", ", missing)} of Office 365 Exchange Online and grant admin consent, or per role: " +
            $"POST /servicePrincipals/{{exchangeSpId}}/appRoleAssignedTo " +
            $"{{\"principalId\":\"{facts.ServicePrincipalOrPlaceholder}\",\"resourceId\":\"{{exchangeSpId}}\",\"appRoleId\":\"<role id>\"}}");
    }

    private static PreflightLink Protocol(MailAppSetup setup, MailboxSetup mailbox, MailProtocol protocol, DiagnosisFacts facts)
    {
        var key = "protocol-" + protocol.ToString().ToLowerInvariant();
        switch (protocol)
        {
            case MailProtocol.Imap:
                return mailbox.ImapEnabled
                    ? PreflightLink.Pass(key, PreflightTitles.Of(key), "Get-CASMailbox: ImapEnabled True")
                    : PreflightLink.Fail(key, PreflightTitles.Of(key), "Get-CASMailbox: ImapEnabled False",
                        ExchangeFixes.EnableProtocol(facts, MailProtocol.Imap) + " (takes up to 30 minutes)");
            case MailProtocol.Pop:
                return mailbox.PopEnabled
                    ? PreflightLink.Pass(key, PreflightTitles.Of(key), "Get-CASMailbox: PopEnabled True")
                    : PreflightLink.Fail(key, PreflightTitles.Of(key), "Get-CASMailbox: PopEnabled False",
                        ExchangeFixes.EnableProtocol(facts, MailProtocol.Pop) + " (takes up to 30 minutes)");
            default:
                var title = PreflightTitles.Of(key);
                if (mailbox.SmtpAuthDisabled == true)
                    return PreflightLink.Fail(key, title, "Get-CASMailbox: SmtpClientAuthenticationDisabled True",
                        ExchangeFixes.EnableSmtpAuthForMailbox(facts));
                if (mailbox.SmtpAuthDisabled == false)
                    return PreflightLink.Pass(key, title, "Get-CASMailbox: SmtpClientAuthenticationDisabled False (overrides the tenant)");
                return setup.TenantSmtpAuthDisabled
                    ? PreflightLink.Fail(key, title, "Get-TransportConfig: SmtpClientAuthenticationDisabled True, and the mailbox follows the tenant",
                        $"{ExchangeFixes.EnableSmtpAuthForMailbox(facts)} (this mailbox only), or {ExchangeFixes.EnableSmtpAuthForTenant}")
                    : PreflightLink.Pass(key, title, "Get-TransportConfig: SmtpClientAuthenticationDisabled False");
        }
    }
}
