using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>
/// Answers a Graph collection: filter, then one page of <c>$top</c> (default 100), each item
/// projected by <c>$select</c>, and an absolute <c>@odata.nextLink</c> on this host with a
/// <c>$skiptoken</c> while more remain.
/// </summary>
internal static class GraphCollection
{
    public const int DefaultPageSize = 100;

    /// <param name="items">The whole collection in its full Graph shape.</param>
    /// <param name="typeName">The Graph type, for error messages (<c>user</c>).</param>
    /// <param name="defaults">The properties Graph returns without <c>$select</c>; null for all.</param>
    public static IResult Page(HttpContext context, IReadOnlyList<JsonObject> items, string typeName, IReadOnlyCollection<string>? defaults = null)
    {
        var query = GraphQuery.From(context.Request);
        if (items.Count > 0)
        {
            if (query.Filter is not null) GraphSelect.RequireKnown(query.Filter.Properties, items[0], typeName);
            if (query.Select is not null) GraphSelect.RequireKnown(query.Select, items[0], typeName);
        }
        var matching = query.Filter is null ? items : items.Where(query.Filter.Test).ToList();
        var size = query.Top ?? DefaultPageSize;
        var page = matching.Skip(query.Offset).Take(size).Select(i => (JsonNode)GraphSelect.Project(i, query.Select, defaults));

        var body = new JsonObject { ["value"] = new JsonArray([.. page]) };
        if (matching.Count > query.Offset + size) body["@odata.nextLink"] = NextLink(context.Request, query.Offset + size);
        return GraphResults.Json(body);
    }

    /// <summary>One object, projected by <c>$select</c> (which must name its properties).</summary>
    public static IResult Single(HttpContext context, JsonObject item, string typeName, IReadOnlyCollection<string>? defaults = null)
    {
        var query = GraphQuery.From(context.Request);
        if (query.Select is not null) GraphSelect.RequireKnown(query.Select, item, typeName);
        return GraphResults.Json(GraphSelect.Project(item, query.Select, defaults));
    }

    private static string NextLink(HttpRequest request, int offset)
    {
        var options = request.Query
            .Where(q => !q.Key.Equals("$skiptoken", StringComparison.OrdinalIgnoreCase))
            .Select(q => q.Key + "=" + Uri.EscapeDataString(q.Value.ToString()))
            .Append("$skiptoken=" + GraphQuery.SkipToken(offset));
        return $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?{string.Join('&', options)}";
    }
}
