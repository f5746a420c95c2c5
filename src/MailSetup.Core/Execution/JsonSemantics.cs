using System.Text.Json.Nodes;

namespace MailSetup.Core.Execution;

/// <summary>
/// Compares Graph JSON the way Entra means it: objects by their properties (ignoring <c>@odata.*</c>
/// annotations), lists as sets, text ignoring case (ids and names are case-insensitive in Entra).
/// </summary>
public static class JsonSemantics
{
    public static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.All(i => y.Any(j => Same(i, j))) && y.All(j => x.Any(i => Same(i, j))),
        (JsonObject x, JsonObject y) => Properties(x).Count() == Properties(y).Count()
                                        && Properties(x).All(p => y.TryGetPropertyValue(p.Key, out var other) && Same(p.Value, other)),
        (JsonValue x, JsonValue y) => string.Equals(x.ToJsonString(), y.ToJsonString(), StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>The current list with every wanted item it lacks appended (a PATCH replaces whole lists).</summary>
    public static JsonArray Union(JsonArray? current, JsonArray wanted)
    {
        var merged = new JsonArray();
        foreach (var item in current ?? []) merged.Add(item?.DeepClone());
        foreach (var item in wanted)
        {
            if (!merged.Any(m => Same(m, item))) merged.Add(item?.DeepClone());
        }
        return merged;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(JsonObject o) =>
        o.Where(p => !p.Key.StartsWith('@') && p.Value is not null);
}
