using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans;

/// <summary>What the admin should read before applying a plan: advice, caveats and dates.</summary>
internal static class PlanNotices
{
    /// <summary>Which sign-in flows the app will take, in its shape (public or confidential client).</summary>
    private static string FlowNotice(SetupRequest request) => request.PublicClient
        ? "Sign-in: a public client with no secret ('Allow public client flows' on). People sign in by device code (or interactively); " +
          "the password flow works without a secret too, where MFA and Conditional Access allow it. Client-credential (app-only) tokens do not."
        : "Sign-in: a confidential client with a client secret ('Allow public client flows' off). The password flow (ROPC) works with the " +
          "secret; device-code sign-in, which sends no secret, is refused (AADSTS7000218): for it use --delegated-flow device.";

    /// <summary>The token scopes the mail software of this setup will ask for.</summary>
    private static IEnumerable<(string What, Clouds.CloudHost Scope)> UsedScopes(SetupRequest request)
    {
        if (request.AppOnlyProtocols.Count > 0) yield return ("app-only IMAP/POP/SMTP token scope", request.Cloud.ExchangeScope);
        if (request.DelegatedProtocols.Count > 0) yield return ("delegated IMAP/POP/SMTP scope prefix", request.Cloud.DelegatedPrefix);
    }

    public static IReadOnlyList<PlanNotice> For(SetupRequest request, IReadOnlyList<Permission> rbacPermissions, DateTimeOffset now)
    {
        var notices = new List<PlanNotice>();
        void Warn(string code, string text) => notices.Add(new(NoticeSeverity.Warning, code, text));
        void Tell(string code, string text) => notices.Add(new(NoticeSeverity.Info, code, text));

        foreach (var (role, host) in request.Cloud.UnconfirmedHosts())
            Warn("unconfirmed-host",
                $"The {role} host of {request.Cloud.DisplayName} is {host.Display}. Override it if your tenant's documentation says otherwise.");
        foreach (var (what, scope) in UsedScopes(request).Where(s => !s.Scope.Confirmed))
            Warn("unconfirmed-scope",
                $"The {what} is {scope.Display}. If tokens are refused for it (AADSTS500011, AADSTS70011), set the Exchange host your " +
                "tenant's documentation gives (--exchange-host); the scope follows it.");

        switch (request.Scoping)
        {
            case MailboxScoping.AccessPolicy:
                Warn("access-policy-legacy",
                    "Application access policies are legacy: Microsoft advises creating no new ones. They only limit Graph and EWS (never IMAP, " +
                    "POP or SMTP) and can take over an hour to apply. Prefer --scope rbac.");
                if (request.AppOnlyProtocols.Count > 0)
                    Warn("access-policy-protocols",
                        $"The policy does not limit {string.Join("/", request.AppOnlyProtocols.Select(p => p.ToString().ToUpperInvariant()))}: " +
                        $"only the FullAccess grants per mailbox do.");
                break;
            case MailboxScoping.Rbac rbac:
                Tell("rbac-no-entra-consent",
                    $"{string.Join(", ", rbacPermissions.Select(p => p.Name))}: granted through Exchange RBAC for members of {rbac.Group} only, " +
                    $"with no unscoped Entra consent (RBAC grants add to Entra consent).");
                if (request.App is AppTarget.Existing)
                    Warn("rbac-existing-consent",
                        $"If the adopted app already holds unscoped Entra consent for {string.Join(", ", rbacPermissions.Select(p => p.Name))}, " +
                        $"remove it, or the scope limits nothing.");
                Warn("rbac-admin-role",
                    "Applying RBAC for Applications needs the Exchange Administrator role (or membership of Organization Management) " +
                    "for the account that connects to Exchange.");
                Warn("rbac-delay",
                    "RBAC changes take between 30 minutes and 2 hours to apply (Exchange caches them): until then the app may still be " +
                    "refused, or still reach mailboxes a changed scope no longer covers.");
                Tell("rbac-nested-groups",
                    $"Only direct members of {rbac.Group} are in scope: members of groups nested in it are not. The group may be a " +
                    "Microsoft 365 group, a mail-enabled security group or a distribution list.");
                if (request.AppOnlyProtocols.Any(p => p is MailProtocol.Imap or MailProtocol.Pop))
                    Tell("rbac-imap-pop", "There is no RBAC role for IMAP or POP: those stay limited by FullAccess per mailbox.");
                break;
        }

        var unscopedMailRoles = request.Scoping is MailboxScoping.None
            ? request.Permissions.Where(
                p => p.Kind == PermissionKind.Application && p.ExchangeRbacRole is not null && p.Resource == ApiResource.MicrosoftGraph).ToList()
            : [];
        if (unscopedMailRoles.Count > 0)
            Warn("unscoped-mail-roles",
                $"{string.Join(", ", unscopedMailRoles.Select(p => p.Name))} as an application permission reaches every mailbox in the tenant. " +
                $"Limit it with --scope rbac --scope-group GROUP.");

        var mailboxesUsed = request.AppOnlyProtocols.Count > 0 || request.DelegatedProtocols.Count > 0 || request.SendAs;
        if (request.Mailboxes.Count > 0 && !mailboxesUsed)
            Warn("mailboxes-unused",
                $"The mailboxes given change nothing for {string.Join(",", request.Presets.Select(p => p.Name))}: " +
                $"Graph application permissions are not granted per mailbox. To limit the app to some mailboxes, " +
                $"put them in a Microsoft 365 group, mail-enabled security group or distribution list and use --scope rbac.");

        if (request.AppOnlyProtocols.Count > 0 && request.Mailboxes.Count == 0)
            Warn("no-mailboxes", "No mailboxes given: the app can log in to none until it has FullAccess on one (--mailbox ADDR).");

        if (request.LogsInOverSmtp && request.SmtpAuth == SmtpAuthScope.Tenant)
            Warn("smtp-auth-tenant",
                "--smtp-auth tenant turns SMTP AUTH on for the whole tenant: it re-opens basic-auth (password) SMTP for every mailbox that " +
                "does not turn it off itself. The default, --smtp-auth mailbox, turns it on for the given mailboxes only.");
        else if (request.LogsInOverSmtp && request.Mailboxes.Count == 0)
            Warn("smtp-auth-no-mailboxes",
                "No mailboxes given: SMTP AUTH is turned on for none, and it is off in tenants created after January 2020. Give them with " +
                "--mailbox ADDR (SMTP AUTH is turned on for each), or --smtp-auth tenant to turn it on for every mailbox.");

        switch (request.Credential)
        {
            case CredentialRequest.ClientSecret secret:
                Tell("secret-once",
                    $"The client secret's value is shown once, when the plan is applied, and expires " +
                    $"on {PlanDates.Day(now.AddDays(secret.LifetimeDays))}. Mail stops silently when it does: renew before, or use --certificate.");
                break;
            case CredentialRequest.Certificate:
                Tell("certificate-key",
                    "The certificate's private key is made on this machine and saved with mode 0600; only the public certificate is uploaded.");
                break;
        }

        if (request.HasDelegatedPermissions) Tell("delegated-flow", FlowNotice(request));
        if (request.LeftOutForPublicClient.Count > 0)
            Warn("public-client-app-permissions",
                $"Left out: {string.Join(", ", request.LeftOutForPublicClient.Select(p => p.Name))} (application), which the preset also lists: " +
                $"they need a client secret or certificate, and a device-code app has none. For them, use --delegated-flow password.");

        if (request.DelegatedProtocols.Count > 0)
            Tell("delegated-scopes",
                $"Delegated mail tokens are asked for with the Exchange prefix ({request.Cloud.DelegatedScopePrefix}IMAP.AccessAsUser.All and so " +
                $"on, plus offline_access), never the Graph prefix, which Exchange rejects.");

        Tell("replication",
            "New objects take a while to reach every Entra and Exchange server: steps that find one missing right after creating it retry with " +
            "back-off.");
        return notices;
    }
}
