using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// A request's JSON object, read leniently as Graph does: property names in any case, unknown
/// properties ignored by the caller, wrong JSON answered with Graph's message.
/// </summary>
internal sealed class GraphBody(JsonObject json)
{
    public JsonObject Json { get; } = json;

    /// <summary>The body, which must be a JSON object.</summary>
    public static Task<GraphBody> ReadAsync(HttpContext context) => ReadAsync(context, optional: false);

    /// <summary>The body, or an empty object when there is none (actions whose parameters are all optional).</summary>
    public static Task<GraphBody> ReadOptionalAsync(HttpContext context) => ReadAsync(context, optional: true);

    private static async Task<GraphBody> ReadAsync(HttpContext context, bool optional)
    {
        var text = await RequestBody.TextAsync(context);
        if (optional && string.IsNullOrWhiteSpace(text)) return new GraphBody([]);
        try
        {
            if (JsonNode.Parse(text) is JsonObject json) return new GraphBody(json);
        }
        catch (JsonException)
        {
        }
        throw new GraphException(400, GraphErrorCodes.ODataBadRequest,
            "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
    }

    /// <summary>Whether the property is present (even as null).</summary>
    public bool Has(string name) => Find(name).Found;

    public JsonNode? Node(string name) => Find(name).Node;

    /// <summary>A string property; null when absent or null; a non-string fails as Graph does for that property.</summary>
    public string? String(string name, string resource)
    {
        var node = Node(name);
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        throw GraphException.InvalidProperty(name, resource);
    }

    public bool? Bool(string name, string resource)
    {
        var node = Node(name);
        if (node is null) return null;
        if (node is JsonValue value && value.TryGetValue<bool>(out var flag)) return flag;
        throw GraphException.InvalidProperty(name, resource);
    }

    public DateTimeOffset? Date(string name, string resource)
    {
        var text = String(name, resource);
        if (text is null) return null;
        return GraphDates.TryParse(text, out var date) ? date : throw GraphException.InvalidProperty(name, resource);
    }

    public JsonArray? Array(string name, string resource)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonArray array => array,
            _ => throw GraphException.InvalidProperty(name, resource),
        };
    }

    public GraphBody? Object(string name, string resource)
    {
        var node = Node(name);
        return node switch
        {
            null => null,
            JsonObject json => new GraphBody(json),
            _ => throw GraphException.InvalidProperty(name, resource),
        };
    }

    /// <summary>A required GUID-valued reference such as <c>principalId</c>.</summary>
    public string RequiredId(string name, string resource)
    {
        var text = String(name, resource);
        if (text is null || !Guid.TryParse(text, out var id)) throw GraphException.InvalidProperty(name, resource);
        return id.ToString();
    }

    private (bool Found, JsonNode? Node) Find(string name)
    {
        foreach (var (key, node) in Json)
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase)) return (true, node);
        return (false, null);
    }
}
