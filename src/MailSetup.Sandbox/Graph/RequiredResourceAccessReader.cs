using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>Reads an application's <c>requiredResourceAccess</c>: resources by appId, each with permission ids of type Role or Scope.</summary>
internal static class RequiredResourceAccessReader
{
    private const string Property = "requiredResourceAccess";
    private const string Resource = "Application";

    /// <returns>null when the body does not set it.</returns>
    public static List<SandboxRequiredResourceAccess>? Read(GraphBody body)
    {
        var array = body.Array(Property, Resource);
        if (array is null) return body.Has(Property) ? [] : null;
        var result = new List<SandboxRequiredResourceAccess>();
        foreach (var node in array)
        {
            if (node is not JsonObject json) throw Invalid();
            var entry = new GraphBody(json);
            var resourceAppId = entry.String("resourceAppId", Resource);
            if (resourceAppId is null || !Guid.TryParse(resourceAppId, out var appId)) throw Invalid();
            var access = new List<SandboxResourceAccess>();
            foreach (var item in entry.Array("resourceAccess", Resource) ?? [])
            {
                if (item is not JsonObject itemJson) throw Invalid();
                var permission = new GraphBody(itemJson);
                var id = permission.String("id", Resource);
                var type = permission.String("type", Resource);
                if (id is null || !Guid.TryParse(id, out var permissionId) || type is not ("Role" or "Scope")) throw Invalid();
                access.Add(new SandboxResourceAccess { Id = permissionId.ToString(), Type = type });
            }
            result.Add(new SandboxRequiredResourceAccess { ResourceAppId = appId.ToString(), ResourceAccess = access });
        }
        return result;
    }

    private static GraphException Invalid() => GraphException.InvalidProperty(Property, Resource);
}
