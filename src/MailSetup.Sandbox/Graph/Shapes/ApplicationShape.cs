using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph.Shapes;

/// <summary>An app registration in Graph's <c>application</c> shape.</summary>
internal static class ApplicationShape
{
    public const string TypeName = "application";

    /// <param name="withKeys">
    /// Whether key credentials carry their <c>key</c>: Graph returns it only when one application is
    /// read with <c>$select=keyCredentials</c>, null otherwise.
    /// </param>
    public static JsonObject Of(SandboxApplication app, TenantState state, bool withKeys = false) => new()
    {
        ["id"] = app.Id,
        ["appId"] = app.AppId,
        ["displayName"] = app.DisplayName,
        ["uniqueName"] = app.UniqueName,
        ["description"] = null,
        ["notes"] = null,
        ["signInAudience"] = app.SignInAudience,
        ["publisherDomain"] = state.DefaultDomain,
        ["createdDateTime"] = GraphDates.Node(app.CreatedDateTime),
        ["deletedDateTime"] = null,
        ["isFallbackPublicClient"] = app.IsFallbackPublicClient,
        ["identifierUris"] = new JsonArray(),
        ["tags"] = new JsonArray(),
        ["requiredResourceAccess"] = RequiredResourceAccess(app.RequiredResourceAccess),
        ["passwordCredentials"] = new JsonArray([.. app.PasswordCredentials.Select(PasswordCredential)]),
        ["keyCredentials"] = new JsonArray([.. app.KeyCredentials.Select(k => KeyCredential(k, withKeys))]),
        ["publicClient"] = new JsonObject { ["redirectUris"] = new JsonArray() },
        ["web"] = new JsonObject { ["redirectUris"] = new JsonArray(), ["homePageUrl"] = null, ["logoutUrl"] = null },
    };

    public static JsonArray RequiredResourceAccess(IEnumerable<SandboxRequiredResourceAccess> access) =>
        new([.. access.Select(r => (JsonNode)new JsonObject
        {
            ["resourceAppId"] = r.ResourceAppId,
            ["resourceAccess"] = new JsonArray([.. r.ResourceAccess.Select(a => (JsonNode)new JsonObject { ["id"] = a.Id, ["type"] = a.Type })]),
        })]);

    /// <summary>A password credential as listed: never the secret (<c>secretText</c> is null after addPassword).</summary>
    public static JsonObject PasswordCredential(SandboxPasswordCredential credential) => new()
    {
        ["customKeyIdentifier"] = null,
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = GraphDates.Node(credential.EndDateTime),
        ["hint"] = credential.Hint,
        ["keyId"] = credential.KeyId,
        ["secretText"] = null,
        ["startDateTime"] = GraphDates.Node(credential.StartDateTime),
    };

    public static JsonObject KeyCredential(SandboxKeyCredential credential, bool withKey) => new()
    {
        ["customKeyIdentifier"] = credential.Thumbprint is { } thumbprint ? Convert.ToBase64String(Convert.FromHexString(thumbprint)) : null,
        ["displayName"] = credential.DisplayName,
        ["endDateTime"] = GraphDates.Node(credential.EndDateTime),
        ["key"] = withKey ? credential.Key : null,
        ["keyId"] = credential.KeyId,
        ["startDateTime"] = GraphDates.Node(credential.StartDateTime),
        ["type"] = credential.Type,
        ["usage"] = credential.Usage,
    };
}
