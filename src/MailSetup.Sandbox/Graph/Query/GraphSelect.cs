using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>
/// <c>$select</c>: an object keeps only the named properties (in Graph's spelling), or its
/// default set when nothing is selected. Annotations such as <c>@odata.type</c> always stay.
/// </summary>
internal static class GraphSelect
{
    public static JsonObject Project(JsonObject full, IReadOnlyList<string>? select, IReadOnlyCollection<string>? defaults = null)
    {
        if (select is null && defaults is null) return full;
        var wanted = select ?? defaults!.ToList();
        var projected = new JsonObject();
        foreach (var (key, node) in full)
        {
            if (key.StartsWith('@') || wanted.Any(w => w.Equals(key, StringComparison.OrdinalIgnoreCase)))
                projected[key] = node?.DeepClone();
        }
        return projected;
    }

    /// <summary>Fails as Graph does when a selected or filtered property is not a property of the type.</summary>
    public static void RequireKnown(IEnumerable<string> names, JsonObject sample, string typeName)
    {
        foreach (var name in names)
        {
            if (name == "*") continue;
            if (!sample.Any(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw GraphException.BadRequest($"Could not find a property named '{name}' on type 'microsoft.graph.{typeName}'.");
        }
    }
}
