using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Exchange;

/// <summary>The admin API's request body: <c>{"CmdletInput":{"CmdletName":"...","Parameters":{...}}}</c>.</summary>
internal sealed record InvokeCommandBody(string CmdletName, JsonObject Parameters)
{
    public static InvokeCommandBody Parse(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            throw new ExchangeException("BadRequest", "The request body is not valid JSON.");
        }
        if (Member(root, "CmdletInput") is not JsonObject input
            || Member(input, "CmdletName") is not JsonValue name
            || !name.TryGetValue<string>(out var cmdlet) || string.IsNullOrWhiteSpace(cmdlet))
            throw new ExchangeException("BadRequest", "The request body must be {\"CmdletInput\":{\"CmdletName\":\"...\",\"Parameters\":{...}}}.");
        var parameters = Member(input, "Parameters") switch
        {
            null => new JsonObject(),
            JsonObject given => given,
            _ => throw new ExchangeException("BadRequest", "CmdletInput.Parameters must be an object."),
        };
        return new InvokeCommandBody(cmdlet.Trim(), parameters);
    }

    /// <summary>The cmdlet a body names, or null when the body is not an InvokeCommand body.</summary>
    public static string? CmdletNameOf(string text)
    {
        try
        {
            return Parse(text).CmdletName;
        }
        catch (ExchangeException)
        {
            return null;
        }
    }

    private static JsonNode? Member(JsonNode? node, string name) =>
        node is JsonObject json ? json.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value : null;
}
