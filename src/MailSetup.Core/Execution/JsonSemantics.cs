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
    public static JsonArray Union(JsonArray? current, JsonArray wanted) => Union(current, wanted, []);

    /// <summary>
    /// <see cref="Union(JsonArray?, JsonArray)"/>, where a wanted object that agrees with a current one on every plain value and differs
    /// only in lists has its lists merged into that one (a requiredResourceAccess entry per resource, its permissions unioned), not
    /// appended beside it. <paramref name="added"/> receives each item that was not there: the innermost ones.
    /// </summary>
    public static JsonArray Union(JsonArray? current, JsonArray wanted, List<JsonNode?> added)
    {
        var merged = new JsonArray();
        foreach (var item in current ?? []) merged.Add(item?.DeepClone());
        foreach (var item in wanted)
        {
            if (merged.Any(m => Same(m, item))) continue;
            if (item is JsonObject wantedObject && merged.OfType<JsonObject>().FirstOrDefault(m => SameValues(m, wantedObject)) is { } partner)
            {
                foreach (var (name, list) in Properties(wantedObject).Where(p => p.Value is JsonArray).ToList())
                    partner[name] = Union(partner[name] as JsonArray, (JsonArray)list!, added);
                continue;
            }
            merged.Add(item?.DeepClone());
            added.Add(item);
        }
        return merged;
    }

    /// <summary>Whether two objects hold the same plain (non-list) values, and at least one.</summary>
    private static bool SameValues(JsonObject x, JsonObject y)
    {
        var plain = Properties(x).Where(p => p.Value is not JsonArray).ToList();
        return plain.Count > 0 && plain.Count == Properties(y).Count(p => p.Value is not JsonArray)
            && plain.All(p => y.TryGetPropertyValue(p.Key, out var other) && Same(p.Value, other));
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(JsonObject o) =>
        o.Where(p => !p.Key.StartsWith('@') && p.Value is not null);
}
