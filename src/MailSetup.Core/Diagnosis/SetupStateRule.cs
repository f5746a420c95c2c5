using MailSetup.Core.Catalog;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Names the broken links of a known setup, most likely cause of an ambiguous
/// <c>NO AUTHENTICATE failed.</c> first: no Exchange service principal, one with the wrong ObjectId,
/// no consent, no FullAccess, the protocol off, SMTP AUTH off, then the secret's expiry.
/// </summary>
public sealed class SetupStateRule : IDiagnosisRule
{
    public static TimeSpan SecretWarning { get; } = TimeSpan.FromDays(30);

    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Setup is not { } setup) yield break;
        var protocol = facts.Protocol;

        if (setup.ExchangeServicePrincipalPresent == false)
            yield return new Finding("exchange-no-service-principal", FindingSeverity.Error,
                $"Get-ServicePrincipal finds no service principal for app {facts.AppIdOrPlaceholder}",
                "The app is not registered with Exchange Online, so Exchange refuses every token of it.",
                ExchangeFixes.NewServicePrincipal(facts));
        else if (WrongObjectId(facts, setup) is { } wrong)
            yield return new Finding("exchange-service-principal-wrong-object-id", FindingSeverity.Error,
                $"Get-ServicePrincipal: ObjectId {wrong}" +
                    (facts.ServicePrincipalObjectId is null ? "" : $", enterprise app object id {facts.ServicePrincipalObjectId}"),
                wrong.Equals(facts.AppObjectId, StringComparison.OrdinalIgnoreCase)
                    ? "Exchange's service principal was created with the app REGISTRATION's object id instead of the enterprise app's (the classic " +
                        "mistake), so tokens do not match it."
                    : "Exchange's service principal was created with an ObjectId that is not the enterprise app's, so tokens do not match it.",
                $"{ExchangeFixes.RemoveServicePrincipal(wrong)}; then {ExchangeFixes.NewServicePrincipal(facts)}");

        if (setup.RoleConsented == false)
        {
            var roles = protocol is { } p ? ExchangeFixes.Role(p) : "IMAP.AccessAsApp / POP.AccessAsApp / SMTP.SendAsApp";
            yield return new Finding("consent-missing-role", FindingSeverity.Error,
                $"no appRoleAssignment of {roles} for app {facts.AppIdOrPlaceholder}",
                $"The application permission {roles} of Office 365 Exchange Online is not consented, so the token carries no role.",
                $"POST /servicePrincipals/{{exchangeSpId}}/appRoleAssignedTo " +
                $"{{\"principalId\":\"{facts.ServicePrincipalOrPlaceholder}\",\"resourceId\":\"{{exchangeSpId}}\",\"appRoleId\":\"<{roles} id>\"}} " +
                "(or Grant admin consent in the portal).");
        }

        if (setup.FullAccess == false && protocol is null or MailProtocol.Imap or MailProtocol.Pop)
            yield return new Finding("mailbox-no-full-access", FindingSeverity.Error,
                $"Get-MailboxPermission {facts.MailboxOrPlaceholder}: no FullAccess for {facts.ServicePrincipalOrPlaceholder}",
                "The service principal has no FullAccess to the mailbox; IMAP and POP app-only logins need it.",
                ExchangeFixes.AddMailboxPermission(facts));

        if (setup.FullAccess == false && setup.SendAs == false && protocol is MailProtocol.Smtp)
            yield return new Finding("mailbox-no-send-permission", FindingSeverity.Error,
                $"Get-MailboxPermission / Get-RecipientPermission {facts.MailboxOrPlaceholder}: neither FullAccess nor SendAs " +
                $"for {facts.ServicePrincipalOrPlaceholder}",
                "The service principal has no permission on the mailbox, so Exchange will not let the app log in to send as it.",
                $"{ExchangeFixes.AddMailboxPermission(facts)} (or {ExchangeFixes.AddSendAs(facts)})");

        if (setup.ImapEnabled == false && protocol is null or MailProtocol.Imap)
            yield return ProtocolDisabled(facts, MailProtocol.Imap, "ImapEnabled");
        if (setup.PopEnabled == false && protocol is null or MailProtocol.Pop)
            yield return ProtocolDisabled(facts, MailProtocol.Pop, "PopEnabled");

        if (protocol is null or MailProtocol.Smtp)
        {
            if (setup.SmtpClientAuthenticationDisabledForMailbox == true)
                yield return new Finding("smtp-auth-disabled-mailbox", FindingSeverity.Error,
                    $"Get-CASMailbox {facts.MailboxOrPlaceholder}: SmtpClientAuthenticationDisabled True",
                    "SMTP AUTH is disabled for the mailbox; this applies to OAuth too.",
                    ExchangeFixes.EnableSmtpAuthForMailbox(facts));
            // An explicit mailbox setting (False) overrides the tenant's.
            else if (setup.SmtpClientAuthenticationDisabledForTenant == true && setup.SmtpClientAuthenticationDisabledForMailbox != false)
                yield return new Finding("smtp-auth-disabled-tenant", FindingSeverity.Error,
                    "Get-TransportConfig: SmtpClientAuthenticationDisabled True",
                    "SMTP AUTH is disabled for the tenant (the default since January 2020); this applies to OAuth too.",
                    $"{ExchangeFixes.EnableSmtpAuthForTenant}, or for this mailbox only: {ExchangeFixes.EnableSmtpAuthForMailbox(facts)}");
        }

        if (setup.SecretExpiresOn is { } expires)
        {
            var evidence = $"client secret endDateTime {expires.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
            var fix =
                $"POST /applications/{facts.AppObjectIdOrPlaceholder}/addPassword, update the client, remove the old secret; " +
                "or move to a certificate.";
            if (expires <= facts.Now)
                yield return new Finding("secret-expired", FindingSeverity.Error, evidence,
                    $"The client secret expired {RelativeTime.Describe(expires, facts.Now)}: token requests fail (AADSTS7000222).", fix);
            else if (expires - facts.Now <= SecretWarning)
                yield return new Finding("secret-expiring", FindingSeverity.Warning, evidence,
                    $"The client secret expires {RelativeTime.Describe(expires, facts.Now)}; mail fetching will then stop silently.", fix);
        }
    }

    /// <summary>The ObjectId Exchange holds when it is known to be wrong, else null.</summary>
    private static string? WrongObjectId(DiagnosisFacts facts, SetupState setup)
    {
        var held = setup.ExchangeServicePrincipalObjectId;
        if (held is null) return null;
        if (facts.AppObjectId is { } appObject && held.Equals(appObject, StringComparison.OrdinalIgnoreCase)) return held;
        if (facts.ServicePrincipalObjectId is { } sp && !held.Equals(sp, StringComparison.OrdinalIgnoreCase)) return held;
        return null;
    }

    private static Finding ProtocolDisabled(DiagnosisFacts facts, MailProtocol protocol, string property) =>
        new($"mailbox-{protocol.ToString().ToLowerInvariant()}-disabled", FindingSeverity.Error,
            $"Get-CASMailbox {facts.MailboxOrPlaceholder}: {property} False",
            $"{protocol.ToString().ToUpperInvariant()} is disabled on the mailbox.",
            $"{ExchangeFixes.EnableProtocol(facts, protocol)} (takes effect within about 30 minutes)");
}
