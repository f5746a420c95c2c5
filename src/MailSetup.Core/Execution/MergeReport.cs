using System.Text.Json.Nodes;
using MailSetup.Core.Catalog;

namespace MailSetup.Core.Execution;

/// <summary>
/// What a PATCH to an adopted app added to its lists, and how much it kept, as one line for the admin: "adds exo:IMAP.AccessAsApp;
/// keeps the 2 entries the app had".
/// </summary>
internal static class MergeReport
{
    public static string Describe(IReadOnlyList<JsonNode?> added, int kept)
    {
        var adds = added.Count == 0 ? "adds nothing new" : "adds " + string.Join(", ", added.SelectMany(Leaves).Select(Name));
        return kept == 0 ? adds : $"{adds}; keeps the {kept} entr{(kept == 1 ? "y" : "ies")} the app had";
    }

    /// <summary>The innermost entries of a list: permissions inside requiredResourceAccess, certificates in keyCredentials.</summary>
    public static int Entries(JsonArray? list) =>
        (list ?? []).Sum(item => item is JsonObject o && o.Any(p => p.Value is JsonArray)
            ? o.Where(p => p.Value is JsonArray).Sum(p => Entries((JsonArray)p.Value!))
            : 1);

    /// <summary>An added entry, or the entries inside it (a new resource's permissions).</summary>
    private static IEnumerable<JsonNode?> Leaves(JsonNode? item) =>
        item is JsonObject o && o.Any(p => p.Value is JsonArray)
            ? o.Where(p => p.Value is JsonArray).SelectMany(p => ((JsonArray)p.Value!).SelectMany(Leaves))
            : [item];

    /// <summary>A permission by its catalog name (the tenant's id is the catalog's for every Microsoft API), a certificate by its name.</summary>
    private static string Name(JsonNode? item)
    {
        if (item is not JsonObject entry) return item?.ToJsonString() ?? "null";
        if (entry["id"]?.GetValue<string>() is { } id && Guid.TryParse(id, out var guid))
        {
            var type = entry["type"]?.GetValue<string>();
            return PermissionCatalog.All.FirstOrDefault(p => p.Id == guid && p.EntraType == type)?.QualifiedName ?? $"{type} {id}";
        }
        return entry["displayName"]?.GetValue<string>() is { } name ? $"'{name}'" : "an entry";
    }
}
