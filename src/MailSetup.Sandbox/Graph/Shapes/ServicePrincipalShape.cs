using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph.Shapes;

/// <summary>A service principal in Graph's <c>servicePrincipal</c> shape.</summary>
internal static class ServicePrincipalShape
{
    public const string TypeName = "servicePrincipal";

    /// <summary>The tenant that owns Microsoft's first-party apps (Exchange Online, Microsoft Graph).</summary>
    private const string MicrosoftServicesTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    public static JsonObject Of(SandboxServicePrincipal sp, TenantState state)
    {
        var app = state.Applications.FirstOrDefault(a => DirectoryIds.SameId(a.AppId, sp.AppId));
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.servicePrincipal",
            ["id"] = sp.Id,
            ["appId"] = sp.AppId,
            ["displayName"] = sp.DisplayName,
            ["appDisplayName"] = sp.DisplayName,
            ["accountEnabled"] = true,
            ["appOwnerOrganizationId"] = sp.BuiltIn ? MicrosoftServicesTenantId : state.TenantId,
            ["appRoleAssignmentRequired"] = false,
            ["servicePrincipalNames"] = new JsonArray(sp.AppId),
            ["servicePrincipalType"] = "Application",
            ["signInAudience"] = app?.SignInAudience ?? "AzureADMultipleOrgs",
            ["tags"] = new JsonArray(),
            ["appRoles"] = new JsonArray([.. sp.AppRoles.Select(AppRole)]),
            ["oauth2PermissionScopes"] = new JsonArray([.. sp.Oauth2PermissionScopes.Select(Scope)]),
            ["keyCredentials"] = new JsonArray(),
            ["passwordCredentials"] = new JsonArray(),
        };
    }

    private static JsonNode AppRole(SandboxAppRole role) => new JsonObject
    {
        ["allowedMemberTypes"] = new JsonArray([.. role.AllowedMemberTypes.Select(t => (JsonNode)JsonValue.Create(t))]),
        ["description"] = role.DisplayName,
        ["displayName"] = role.DisplayName,
        ["id"] = role.Id,
        ["isEnabled"] = true,
        ["origin"] = "Application",
        ["value"] = role.Value,
    };

    private static JsonNode Scope(SandboxPermissionScope scope) => new JsonObject
    {
        ["adminConsentDescription"] = scope.AdminConsentDisplayName,
        ["adminConsentDisplayName"] = scope.AdminConsentDisplayName,
        ["id"] = scope.Id,
        ["isEnabled"] = true,
        ["type"] = scope.Type,
        ["userConsentDescription"] = scope.AdminConsentDisplayName,
        ["userConsentDisplayName"] = scope.AdminConsentDisplayName,
        ["value"] = scope.Value,
    };
}
