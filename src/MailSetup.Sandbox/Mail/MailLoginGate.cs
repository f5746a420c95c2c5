using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// Decides a login the way Exchange Online does, reading the tenant live so a setup change applies
/// to the next login: the token (signature, issuer, Exchange audience, lifetime), the protocol's
/// role or scope, for app-only tokens the Exchange service principal (AppId AND the enterprise
/// app's ObjectId), the mailbox, the right to open it, then the protocol switch. Each decision is
/// logged with its reason, never with the token.
/// </summary>
internal sealed class MailLoginGate(SandboxTenant tenant, MailLoginLog log)
{
    private static readonly IReadOnlyList<string> ExchangeAudiences = ResourceIdentifiers.Of(ApiResource.ExchangeOnline.AppId);

    public MailLoginDecision Decide(MailProtocol protocol, SaslLogin login)
    {
        var validation = new SandboxTokenValidator(tenant).Validate(login.Token, ExchangeAudiences);
        JwtClaims.TryDecode(login.Token, out var readable);
        var decision = validation.Claims is { } claims
            ? tenant.Read(state => Decide(state, protocol, login.User, claims))
            : new MailLoginDecision(MailLoginOutcome.Refused, $"token refused: {validation.Reason}");
        Record(protocol, login.Mechanism, login.User, readable?.AppId, decision);
        return decision;
    }

    /// <summary>Logs a password attempt; the password itself is never seen here.</summary>
    public void RecordBasicAuth(MailProtocol protocol, string mechanism, string? user) =>
        Record(protocol, mechanism, user, null,
            new MailLoginDecision(MailLoginOutcome.BasicAuthRefused, "basic authentication (a password) is disabled in Exchange Online"));

    /// <summary>Logs a SASL response that could not be read as a bearer login.</summary>
    public MailLoginDecision RecordMalformed(MailProtocol protocol, string mechanism, string reason)
    {
        var decision = new MailLoginDecision(MailLoginOutcome.Refused, reason);
        Record(protocol, mechanism, null, null, decision);
        return decision;
    }

    /// <summary>Whether the logged-in principal may send with <paramref name="from"/> in MAIL FROM (its own mailbox, or SendAs).</summary>
    public bool MaySendAs(MailLoginDecision login, string from) => tenant.Read(state =>
    {
        var mailbox = FindMailbox(state, from);
        if (mailbox is null) return false;
        if (Same(mailbox.Mail, login.Mailbox)) return true;
        var names = login.PrincipalNames ?? [];
        return state.Exchange.RecipientPermissions.Any(p =>
            (Same(p.Identity, mailbox.Mail) || Same(p.Identity, mailbox.UserPrincipalName))
            && names.Any(n => Same(p.Trustee, n))
            && p.AccessRights.Contains("SendAs", StringComparer.OrdinalIgnoreCase));
    });

    private static MailLoginDecision Decide(TenantState state, MailProtocol protocol, string? user, JwtClaims claims)
    {
        List<string> principal;
        ExchangeServicePrincipal? rbacApp = null;
        if (claims.IsAppOnly)
        {
            var role = Role(protocol);
            var sp = state.Exchange.ServicePrincipals.FirstOrDefault(s => Same(s.AppId, claims.AppId));
            var consented = claims.Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
            // SMTP can be granted by Exchange RBAC for Applications instead of Entra consent: the token then carries no role, and
            // the assignment's scope is checked once the mailbox is known.
            var rbacMayGrant = protocol == MailProtocol.Smtp && sp is not null && HasRbacRole(state, sp, role);
            if (!consented && !rbacMayGrant)
                return Refuse($"the app-only token carries no {role} role (roles: {string.Join(", ", claims.Roles)})");
            if (!consented) rbacApp = sp;
            if (sp is null)
                return Refuse($"app {claims.AppId} is not registered with Exchange (New-ServicePrincipal missing)");
            if (!Same(sp.ObjectId, claims.ObjectId))
                return Refuse(
                    $"Exchange's service principal for app {claims.AppId} has ObjectId {sp.ObjectId}, but the token's oid (the enterprise app) " +
                    $"is {claims.ObjectId}");
            principal = [sp.ObjectId, sp.Identity, sp.AppId, .. string.IsNullOrEmpty(sp.DisplayName) ? Array.Empty<string>() : [sp.DisplayName]];
        }
        else
        {
            var scope = Scope(protocol);
            if (!claims.Scopes.Contains(scope, StringComparer.OrdinalIgnoreCase))
                return Refuse($"the delegated token carries no {scope} scope (scp: {string.Join(' ', claims.Scopes)})");
            var signedIn = claims.UserPrincipalName is { } upn ? FindMailbox(state, upn) : null;
            principal = signedIn is null ? [claims.UserPrincipalName ?? ""] : [signedIn.UserPrincipalName, signedIn.Mail];
        }

        // Exchange answers IMAP with OK when only the mailbox is out of reach (FACTS: "authenticated but not connected").
        var unreachable = protocol == MailProtocol.Imap ? MailLoginOutcome.NotConnected : MailLoginOutcome.Refused;
        var mailbox = user is null ? null : FindMailbox(state, user);
        // The expiry goes along even when nothing opens: an IMAP session that is "not connected" still ends when its token does.
        var expires = claims.ExpiresOn;
        if (mailbox is null)
            return new(unreachable, user is null ? "no user= named a mailbox" : $"no mailbox {user} in the tenant", ExpiresOn: expires);

        // SMTP AUTH is switched off before any mailbox is looked at: Exchange gives its 5.7.139 answer whatever the permissions.
        if (protocol == MailProtocol.Smtp && mailbox.SmtpClientAuthenticationDisabled == true)
            return new(MailLoginOutcome.SmtpAuthDisabledForMailbox,
                $"SMTP AUTH is disabled on {mailbox.Mail} (Set-CASMailbox SmtpClientAuthenticationDisabled True)");
        if (protocol == MailProtocol.Smtp && mailbox.SmtpClientAuthenticationDisabled is null && state.Exchange.SmtpClientAuthenticationDisabled)
            return new(MailLoginOutcome.SmtpAuthDisabledForTenant,
                "SMTP AUTH is disabled for the tenant (Get-TransportConfig SmtpClientAuthenticationDisabled True)");

        if (rbacApp is not null && !RbacGrants(state, rbacApp, Role(protocol), mailbox))
            return Refuse(
                $"the RBAC role assignment Application {Role(protocol)} of {rbacApp.ObjectId} does not include {mailbox.Mail} in its scope");
        // Under RBAC the role assignment is the grant: no mailbox permission is needed (Entra consent would make Exchange check them).
        var self = rbacApp is not null
                   || (!claims.IsAppOnly && principal.Any(n => Same(n, mailbox.UserPrincipalName) || Same(n, mailbox.Mail)));
        var fullAccess =
            HasRight(state.Exchange.MailboxPermissions.Where(p => Same(p.Identity, mailbox.Mail) || Same(p.Identity, mailbox.UserPrincipalName))
            .Where(p => principal.Any(n => Same(p.User, n))).SelectMany(p => p.AccessRights), "FullAccess");
        // SMTP sends rather than reads: SendAs on the mailbox is enough there.
        var sendAs =
            protocol == MailProtocol.Smtp
                && HasRight(
                    state.Exchange.RecipientPermissions.Where(p => Same(p.Identity, mailbox.Mail) || Same(p.Identity, mailbox.UserPrincipalName))
            .Where(p => principal.Any(n => Same(p.Trustee, n))).SelectMany(p => p.AccessRights), "SendAs");
        if (!self && !fullAccess && !sendAs)
            return new(unreachable, claims.IsAppOnly
                ? $"the service principal {principal[0]} has no FullAccess on {mailbox.Mail}"
                : $"{claims.UserPrincipalName} is not {mailbox.Mail} and has no FullAccess on it", ExpiresOn: expires);

        switch (protocol)
        {
            case MailProtocol.Imap when !mailbox.ImapEnabled:
                return new(MailLoginOutcome.NotConnected, $"IMAP is disabled on {mailbox.Mail} (ImapEnabled False)", mailbox.Mail, expires,
                    principal);
            case MailProtocol.Pop when !mailbox.PopEnabled:
                return Refuse($"POP is disabled on {mailbox.Mail} (PopEnabled False)");
        }
        return new(MailLoginOutcome.Accepted,
            claims.IsAppOnly ? $"app {claims.AppId} opened {mailbox.Mail}" : $"{claims.UserPrincipalName} opened {mailbox.Mail}",
            mailbox.Mail, expires, principal);
    }

    private static bool HasRbacRole(TenantState state, ExchangeServicePrincipal sp, string role) =>
        state.Exchange.ManagementRoleAssignments.Any(a => Same(a.App, sp.ObjectId) && Same(a.Role, "Application " + role));

    /// <summary>Whether an assignment of the role to the app reaches the mailbox: unscoped, or its scope's filter matches it.</summary>
    private static bool RbacGrants(TenantState state, ExchangeServicePrincipal sp, string role, SandboxUser mailbox) =>
        state.Exchange.ManagementRoleAssignments
            .Where(a => Same(a.App, sp.ObjectId) && Same(a.Role, "Application " + role))
            .Any(a => a.CustomResourceScope is null
                      || state.Exchange.ManagementScopes.FirstOrDefault(s => Same(s.Name, a.CustomResourceScope)) is { } scope
                      && Exchange.RecipientFilter.Parse(scope.RecipientRestrictionFilter).Matches(mailbox, state));

    private void Record(MailProtocol protocol, string mechanism, string? user, string? appId, MailLoginDecision decision) =>
        log.Add(
            new MailLoginRecord(tenant.Clock.GetUtcNow(), protocol, mechanism.ToUpperInvariant(), Shorten(user), appId, decision.Outcome,
                decision.Reason));

    private static MailLoginDecision Refuse(string reason) => new(MailLoginOutcome.Refused, reason);

    private static SandboxUser? FindMailbox(TenantState state, string address)
    {
        address = address.Trim().Trim('<', '>');
        return state.Users.FirstOrDefault(u => Same(u.Mail, address) || Same(u.UserPrincipalName, address));
    }

    private static bool HasRight(IEnumerable<string> rights, string right) => rights.Contains(right, StringComparer.OrdinalIgnoreCase);

    private static string Role(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsApp",
        MailProtocol.Pop => "POP.AccessAsApp",
        _ => "SMTP.SendAsApp",
    };

    private static string Scope(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsUser.All",
        MailProtocol.Pop => "POP.AccessAsUser.All",
        _ => "SMTP.Send",
    };

    // A client-chosen user= goes into the log: bound it.
    private static string? Shorten(string? user) => user is { Length: > 320 } ? user[..320] + "..." : user;

    private static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
