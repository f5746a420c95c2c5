using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Exchange;
using static MailSetup.Core.Exchange.CmdletParameter;
using Permission = MailSetup.Core.Catalog.Permission;

namespace MailSetup.Core.Plans;

/// <summary>The Exchange Online cmdlets of a setup (ExchangeOnlineManagement v3).</summary>
internal static class ExchangeSteps
{
    private static readonly string Sp = References.ServicePrincipalId.Placeholder;

    /// <summary>The trustee of mailbox permissions: the identity Exchange gave the registration (Microsoft's page uses its Identity).</summary>
    private static readonly string ExoApp = References.ExchangeAppIdentity.Placeholder;

    public static ExchangeStep Connect(Cloud cloud)
    {
        var parameters = new List<CmdletParameter> { Switch("Device") };
        if (cloud.ExchangeEnvironmentName is { } environment)
            parameters.Add(Text("ExchangeEnvironmentName", environment));
        return Step("connect-exchange", $"Connect to Exchange Online ({cloud.DisplayName})",
            "The Exchange side (service principal, mailbox permissions, scopes) is not in Graph. -Device signs in with a code, " +
            "so no browser is needed on a jump host.",
            StepAction.Connect, new Cmdlet("Connect-ExchangeOnline", parameters));
    }

    public static ExchangeStep RegisterServicePrincipal() => Step(
        "register-exchange-sp", "Register the app in Exchange Online",
        "Exchange only honours app tokens of apps it knows. -ObjectId must be the enterprise app's object id ({sp.id}); " +
        "the app registration's ({app.id}) is the most common mistake, and logins then fail with 'AUTHENTICATE failed'. " +
        "The identity Exchange returns for the registration ({exo.sp.identity}) is the trustee of the app's mailbox permissions.",
        StepAction.Create,
        Cmdlet.Create("New-ServicePrincipal",
            Text("AppId", References.AppClientId.Placeholder),
            Text("ObjectId", Sp),
            Text("DisplayName", References.AppDisplayName.Placeholder))) with
    {
        // Read from the new registration, or from the one the probe finds on a re-run.
        Captures = [new(References.ExchangeAppIdentity, "Identity")],
        Produces = [References.ExchangeAppIdentity],
    };

    public static ExchangeStep GrantFullAccess(string mailbox, IReadOnlyList<MailProtocol> protocols) => ForMailbox(mailbox, Step(
        $"fullaccess-{mailbox}", $"Give the app FullAccess to {mailbox}",
        $"An app logging in over {Join(protocols)} as {mailbox} needs FullAccess on that mailbox; without it the login fails even with a good token.",
        StepAction.Create,
        Cmdlet.Create("Add-MailboxPermission",
            Text("Identity", mailbox), Text("User", ExoApp), Text("AccessRights", "FullAccess"), Flag("AutoMapping", false))));

    public static ExchangeStep GrantSendAs(string mailbox) => ForMailbox(mailbox, Step(
        $"sendas-{mailbox}", $"Let the app send as {mailbox}",
        "Sending with a From address other than the authenticated mailbox needs SendAs, else '550 5.7.60 Client does not have permissions to send " +
        "as this sender'.",
        StepAction.Create,
        Cmdlet.Create("Add-RecipientPermission",
            Text("Identity", mailbox), Text("Trustee", ExoApp), Text("AccessRights", "SendAs"), Flag("Confirm", false))));

    public static ExchangeStep ReadScopeGroup(string group) => new()
    {
        Key = "read-scope-group",
        Title = $"Read the scope group {group}",
        Why = "A management scope filters recipients by the group's distinguished name. The group may be a Microsoft 365 group, a " +
              "mail-enabled security group or a distribution list; only its direct members are in scope (not members of nested groups).",
        Action = StepAction.Read,
        Cmdlet = Cmdlet.Create("Get-Group", Text("Identity", group)),
        Captures = [new(References.GroupDistinguishedName, "DistinguishedName")],
        Produces = [References.GroupDistinguishedName],
    };

    public static ExchangeStep CreateManagementScope(string scopeName, string group) => Step(
        "create-management-scope", $"Create the management scope '{scopeName}'",
        $"RBAC for Applications limits the app's roles to the recipients this scope matches: members of {group}.",
        StepAction.Create,
        Cmdlet.Create("New-ManagementScope",
            Text("Name", scopeName),
            Text("RecipientRestrictionFilter", $"MemberOfGroup -eq '{References.GroupDistinguishedName.Placeholder}'")));

    /// <summary>
    /// A scope found by name on a re-run may filter on another group (an earlier --scope-group): this brings its filter to the
    /// group asked for now. Compared by the group's distinguished name, which the filter names however Exchange writes it out.
    /// </summary>
    public static ExchangeStep UpdateManagementScope(string scopeName, string group) => Change(
        "update-management-scope", $"Make the management scope '{scopeName}' match the members of {group}",
        $"Unchanged when the scope's filter already names {group}; otherwise (a scope an earlier run made for another group) its filter " +
        "is replaced, so the app's roles follow the group asked for now. Rollback leaves the filter as it is.",
        Cmdlet.Create("Set-ManagementScope",
            Text("Identity", scopeName),
            Text("RecipientRestrictionFilter", $"MemberOfGroup -eq '{References.GroupDistinguishedName.Placeholder}'")),
        new(Cmdlet.Create("Get-ManagementScope", Text("Identity", scopeName)),
            [new("RecipientRestrictionFilter", References.GroupDistinguishedName.Placeholder, ProbeComparison.Contains)]));

    public static ExchangeStep AssignScopedRole(Permission permission, string scopeName) => Step(
        $"rbac-{permission.Name}", $"Assign '{permission.ExchangeRbacRole}' to the app, scoped to '{scopeName}'",
        $"Grants {permission.Name} for the scope's mailboxes only. The app gets no unscoped Entra consent for it: " +
        $"RBAC grants add to Entra consent, so an Entra grant would open every mailbox."
            + (permission.Name == "SMTP.SendAsApp"
                ? " For SMTP under RBAC this assignment is the whole grant: the Entra app holds no SMTP.SendAsApp permission and the app " +
                  "gets no mailbox permission (either would make Exchange check mailbox permissions)." : ""),
        StepAction.Create,
        Cmdlet.Create("New-ManagementRoleAssignment",
            Text("App", Sp), Text("Role", permission.ExchangeRbacRole!), Text("CustomResourceScope", scopeName)));

    public static ExchangeStep CreateAccessPolicy(string group, string appLabel) => Step(
        "create-access-policy", $"Restrict the app to members of {group} (application access policy)",
        "Legacy scoping (application access policy): limits Graph and EWS access to the group's members. It never limits IMAP, POP or SMTP, " +
        "can take over an hour to apply, and Microsoft advises creating no new policies: prefer --scope rbac.",
        StepAction.Create,
        Cmdlet.Create("New-ApplicationAccessPolicy",
            Text("AppId", References.AppClientId.Placeholder),
            Text("PolicyScopeGroupId", group),
            Text("AccessRight", "RestrictAccess"),
            Text("Description", $"Restrict {appLabel} to members of {group}")));

    public static ExchangeStep TestAuthorization(string mailbox) => ForMailbox(mailbox, Step(
        $"verify-authorization-{mailbox}", $"Check what the app's RBAC roles allow in {mailbox}",
        "Lists the RBAC roles Exchange grants the app on this mailbox, and whether the scope includes it. It leaves out what Entra " +
        "consent grants, so it checks only RBAC grants.",
        StepAction.Verify,
        Cmdlet.Create("Test-ServicePrincipalAuthorization", Text("Identity", Sp), Text("Resource", mailbox))));

    public static ExchangeStep CheckFullAccess(string mailbox) => ForMailbox(mailbox, Step(
        $"verify-fullaccess-{mailbox}", $"Check the app's FullAccess on {mailbox}",
        "Lists the app's permissions on the mailbox: FullAccess must be among them (Test-ServicePrincipalAuthorization does not show it).",
        StepAction.Verify,
        Cmdlet.Create("Get-MailboxPermission", Text("Identity", mailbox), Text("User", ExoApp))));

    public static ExchangeStep CheckSendAs(string mailbox) => ForMailbox(mailbox, Step(
        $"verify-sendas-{mailbox}", $"Check the app's SendAs on {mailbox}",
        "Lists the app's recipient permissions on the mailbox: SendAs must be among them.",
        StepAction.Verify,
        Cmdlet.Create("Get-RecipientPermission", Text("Identity", mailbox), Text("Trustee", ExoApp))));

    public static ExchangeStep CheckMailboxProtocols(string mailbox, IReadOnlyList<MailProtocol> protocols) => ForMailbox(mailbox, Step(
        $"verify-protocols-{mailbox}", $"Check that {Join(protocols)} {(protocols.Count == 1 ? "is" : "are")} enabled on {mailbox}",
        "A protocol disabled on the mailbox fails the login whatever the token says (ImapEnabled, PopEnabled, SmtpClientAuthenticationDisabled).",
        StepAction.Verify,
        Cmdlet.Create("Get-CASMailbox", Text("Identity", mailbox))));

    public static ExchangeStep CheckSmtpAuth() => Step(
        "verify-smtp-auth", "Check whether SMTP AUTH is enabled for the tenant",
        "SMTP AUTH is off by default in tenants created after January 2020 and then rejects OAuth too ('535 5.7.139 ... " +
        "SmtpClientAuthentication is disabled for the Tenant'). No mailbox was given to turn it on for: turn it on per mailbox " +
        "with Set-CASMailbox -Identity ADDR -SmtpClientAuthenticationDisabled $false (the mailbox setting wins over the tenant's).",
        StepAction.Verify,
        Cmdlet.Create("Get-TransportConfig"));

    /// <summary>Per mailbox, so SMTP AUTH (and with it basic-auth SMTP) stays off for every other mailbox.</summary>
    public static ExchangeStep EnableSmtpAuth(string mailbox) => ForMailbox(mailbox, Change(
        $"smtp-auth-{mailbox}", $"Turn SMTP AUTH on for {mailbox}",
        "SMTP AUTH is off by default in tenants created after January 2020, and then OAuth logins fail too ('535 5.7.139 ... " +
        "SmtpClientAuthentication is disabled'). The mailbox setting wins over the tenant's, so only this mailbox is opened. " +
        "Unchanged when it is on for the mailbox already; rollback leaves it on.",
        Cmdlet.Create("Set-CASMailbox", Text("Identity", mailbox), Flag("SmtpClientAuthenticationDisabled", false)),
        new(Cmdlet.Create("Get-CASMailbox", Text("Identity", mailbox)), [new("SmtpClientAuthenticationDisabled", "False", ProbeComparison.Equals)])));

    /// <summary>Only with --smtp-auth tenant: it opens SMTP AUTH for every mailbox that does not turn it off itself.</summary>
    public static ExchangeStep EnableSmtpAuthForTenant() => Change(
        "smtp-auth-tenant", "Turn SMTP AUTH on for the whole tenant",
        "Asked for with --smtp-auth tenant: every mailbox without a setting of its own accepts SMTP AUTH again, basic authentication " +
        "(passwords) included. Unchanged when it is on already; rollback leaves it on.",
        Cmdlet.Create("Set-TransportConfig", Flag("SmtpClientAuthenticationDisabled", false)),
        new(Cmdlet.Create("Get-TransportConfig"), [new("SmtpClientAuthenticationDisabled", "False", ProbeComparison.Equals)]));

    private static ExchangeStep ForMailbox(string mailbox, ExchangeStep step) => step with { Mailbox = mailbox };

    private static string Join(IReadOnlyList<MailProtocol> protocols) =>
        string.Join("/", protocols.Select(p => p.ToString().ToUpperInvariant()));

    /// <summary>A setting changed in place: nothing is created, so there is nothing for rollback to remove.</summary>
    private static ExchangeStep Change(string key, string title, string why, Cmdlet cmdlet, ExchangeProbe probe) =>
        Step(key, title, why, StepAction.Change, cmdlet) with { Probe = probe };

    private static ExchangeStep Step(string key, string title, string why, StepAction action, Cmdlet cmdlet) => new()
    {
        Key = key,
        Title = title,
        Why = why,
        Action = action,
        Cmdlet = cmdlet,
        Probe = action == StepAction.Create ? ExchangeProbes.For(cmdlet) : null,
        Undo = action == StepAction.Create ? ExchangeProbes.UndoFor(cmdlet) : null,
        Consumes = GraphRequestPreviewer.ReferencesIn(string.Join("\n", cmdlet.Parameters.Select(p => p.Value as string))),
    };
}
