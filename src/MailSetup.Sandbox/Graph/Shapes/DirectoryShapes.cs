using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph.Shapes;

/// <summary>Users, groups, consent objects, the organization and its domains in Graph's shapes.</summary>
internal static class DirectoryShapes
{
    /// <summary>What GET /users answers without $select (Graph's default set for users).</summary>
    public static readonly IReadOnlyCollection<string> UserDefaults =
        ["id", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname",
            "userPrincipalName"];

    public static JsonObject User(SandboxUser user)
    {
        var names = user.DisplayName.Split(' ', 2);
        var person = user.RecipientTypeDetails == "UserMailbox";
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = user.Id,
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = user.DisplayName,
            ["givenName"] = person ? names[0] : null,
            ["jobTitle"] = null,
            ["mail"] = user.Mail,
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = "en-US",
            ["surname"] = person && names.Length > 1 ? names[1] : null,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["accountEnabled"] = user.AccountEnabled,
            ["mailNickname"] = user.Mail.Split('@')[0],
            ["userType"] = "Member",
            ["proxyAddresses"] = new JsonArray("SMTP:" + user.Mail),
        };
    }

    public static JsonObject Group(SandboxGroup group) => new()
    {
        ["@odata.type"] = "#microsoft.graph.group",
        ["id"] = group.Id,
        ["displayName"] = group.DisplayName,
        ["description"] = null,
        ["mail"] = group.Mail,
        ["mailEnabled"] = group.MailEnabled,
        ["mailNickname"] = group.Mail?.Split('@')[0] ?? group.DisplayName.Replace(" ", "", StringComparison.Ordinal),
        ["securityEnabled"] = group.SecurityEnabled,
        ["groupTypes"] = new JsonArray(),
        ["proxyAddresses"] = group.Mail is null ? new JsonArray() : new JsonArray("SMTP:" + group.Mail),
    };

    public static JsonObject AppRoleAssignment(SandboxAppRoleAssignment assignment) => new()
    {
        ["id"] = assignment.Id,
        ["appRoleId"] = assignment.AppRoleId,
        ["createdDateTime"] = GraphDates.Node(assignment.CreatedDateTime),
        ["deletedDateTime"] = null,
        ["principalDisplayName"] = assignment.PrincipalDisplayName,
        ["principalId"] = assignment.PrincipalId,
        ["principalType"] = assignment.PrincipalType,
        ["resourceDisplayName"] = assignment.ResourceDisplayName,
        ["resourceId"] = assignment.ResourceId,
    };

    public static JsonObject PermissionGrant(SandboxPermissionGrant grant) => new()
    {
        ["id"] = grant.Id,
        ["clientId"] = grant.ClientId,
        ["consentType"] = grant.ConsentType,
        ["principalId"] = grant.PrincipalId,
        ["resourceId"] = grant.ResourceId,
        ["scope"] = grant.Scope,
    };

    public static JsonObject Organization(TenantState state) => new()
    {
        ["id"] = state.TenantId,
        ["displayName"] = state.DisplayName,
        ["tenantType"] = "AAD",
        ["countryLetterCode"] = "US",
        ["verifiedDomains"] = new JsonArray([.. state.Domains.Select((name, i) => (JsonNode)new JsonObject
        {
            ["capabilities"] = "Email, OfficeCommunicationsOnlineServices",
            ["isDefault"] = i == 0,
            ["isInitial"] = i == 0,
            ["name"] = name,
            ["type"] = "Managed",
        })]),
    };

    public static JsonObject Domain(TenantState state, string name)
    {
        var initial = name.Equals(state.DefaultDomain, StringComparison.OrdinalIgnoreCase);
        return new JsonObject
        {
            ["id"] = name,
            ["authenticationType"] = "Managed",
            ["isAdminManaged"] = true,
            ["isDefault"] = initial,
            ["isInitial"] = initial,
            ["isRoot"] = true,
            ["isVerified"] = true,
            ["supportedServices"] = new JsonArray("Email", "OfficeCommunicationsOnlineServices"),
        };
    }
}
