using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange;

/// <summary>Output objects of the cmdlets, with the properties scripts read from them (PascalCase).</summary>
internal static class ExchangeOutput
{
    public static JsonObject ServicePrincipal(ExchangeServicePrincipal sp, TenantState state) => new()
    {
        ["Identity"] = sp.Identity,
        ["Name"] = sp.ObjectId,
        ["DisplayName"] = sp.DisplayName,
        ["AppId"] = sp.AppId,
        ["ObjectId"] = sp.ObjectId,
        ["ServiceId"] = sp.ObjectId,
        ["Organization"] = state.DefaultDomain,
    };

    public static JsonObject Mailbox(SandboxUser user) => new()
    {
        ["Identity"] = user.Mail,
        ["Name"] = ExchangeRecipients.Alias(user.Mail),
        ["Alias"] = ExchangeRecipients.Alias(user.Mail),
        ["DisplayName"] = user.DisplayName,
        ["PrimarySmtpAddress"] = user.Mail,
        ["UserPrincipalName"] = user.UserPrincipalName,
        ["RecipientTypeDetails"] = user.RecipientTypeDetails,
        ["ExternalDirectoryObjectId"] = user.Id,
        ["Guid"] = user.Id,
    };

    public static JsonObject CasMailbox(SandboxUser user) => new()
    {
        ["Identity"] = user.Mail,
        ["Name"] = ExchangeRecipients.Alias(user.Mail),
        ["DisplayName"] = user.DisplayName,
        ["PrimarySmtpAddress"] = user.Mail,
        ["ExternalDirectoryObjectId"] = user.Id,
        ["ImapEnabled"] = user.ImapEnabled,
        ["PopEnabled"] = user.PopEnabled,
        ["SmtpClientAuthenticationDisabled"] = user.SmtpClientAuthenticationDisabled,
    };

    public static JsonObject MailboxPermission(string identity, string user, IEnumerable<string> rights) => new()
    {
        ["Identity"] = identity,
        ["User"] = user,
        ["AccessRights"] = Strings(rights),
        ["IsInherited"] = false,
        ["Deny"] = false,
        ["InheritanceType"] = "All",
    };

    public static JsonObject RecipientPermission(ExchangeRecipientPermission permission) => new()
    {
        ["Identity"] = permission.Identity,
        ["Trustee"] = permission.Trustee,
        ["AccessControlType"] = "Allow",
        ["AccessRights"] = Strings(permission.AccessRights),
        ["IsInherited"] = false,
        ["InheritanceType"] = "None",
    };

    public static JsonObject Group(SandboxGroup group, TenantState state) => new()
    {
        ["Identity"] = group.DisplayName,
        ["Name"] = group.Mail is null ? group.DisplayName : ExchangeRecipients.Alias(group.Mail),
        ["DisplayName"] = group.DisplayName,
        ["DistinguishedName"] = group.DistinguishedName,
        ["PrimarySmtpAddress"] = group.Mail,
        ["WindowsEmailAddress"] = group.Mail,
        ["RecipientTypeDetails"] =
            group.MailEnabled ? (group.SecurityEnabled ? "MailUniversalSecurityGroup" : "MailUniversalDistributionGroup") : "UniversalSecurityGroup",
        ["ExternalDirectoryObjectId"] = group.Id,
        ["Guid"] = group.Id,
        ["Members"] =
            Strings(
                state.Users.Where(u => group.MemberIds.Contains(u.Id, StringComparer.OrdinalIgnoreCase))
                    .Select(u => ExchangeRecipients.Alias(u.Mail))),
    };

    public static JsonObject ManagementScope(ExchangeManagementScope scope) => new()
    {
        ["Identity"] = scope.Name,
        ["Name"] = scope.Name,
        ["RecipientRestrictionFilter"] = scope.RecipientRestrictionFilter,
        ["RecipientRoot"] = null,
        ["ScopeRestrictionType"] = "RecipientScope",
        ["Exclusive"] = false,
    };

    public static JsonObject RoleAssignment(ExchangeManagementRoleAssignment assignment, TenantState state) => new()
    {
        ["Identity"] = assignment.Name,
        ["Name"] = assignment.Name,
        ["Role"] = assignment.Role,
        ["RoleAssignee"] = assignment.App,
        ["RoleAssigneeName"] = ExchangeRecipients.FindServicePrincipal(state, assignment.App)?.DisplayName ?? assignment.App,
        ["RoleAssigneeType"] = "ServicePrincipal",
        ["AssignmentMethod"] = "Direct",
        ["CustomResourceScope"] = assignment.CustomResourceScope,
        ["RecipientWriteScope"] = assignment.CustomResourceScope is null ? "Organization" : "CustomRecipientScope",
        ["Enabled"] = true,
    };

    public static JsonObject AccessPolicy(ExchangeApplicationAccessPolicy policy, TenantState state)
    {
        var group = state.Groups.FirstOrDefault(g => ExchangeRecipients.Same(g.Mail, policy.PolicyScopeGroupId));
        return new JsonObject
        {
            ["Identity"] = policy.Identity,
            ["AppId"] = policy.AppId,
            ["ScopeName"] = group?.DisplayName ?? policy.PolicyScopeGroupId,
            ["ScopeIdentity"] = group?.DisplayName ?? policy.PolicyScopeGroupId,
            ["ScopeIdentityRaw"] = group?.Id,
            ["Description"] = policy.Description,
            ["AccessRight"] = policy.AccessRight,
            ["ShardType"] = "All",
            ["IsValid"] = group is not null,
        };
    }

    public static JsonObject TransportConfig(TenantState state) => new()
    {
        ["Identity"] = "Transport Settings",
        ["Name"] = "Transport Settings",
        ["SmtpClientAuthenticationDisabled"] = state.Exchange.SmtpClientAuthenticationDisabled,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
