using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// JSON batching (<c>POST /v1.0/$batch</c>): up to 20 requests, each run through the host's own
/// pipeline in order (so faults and the request log see them too), answered as
/// <c>{"responses":[{id,status,headers,body}]}</c>. A request whose <c>dependsOn</c> failed is
/// answered 424 without being run.
/// </summary>
internal sealed class BatchEndpoint(SubRequests subRequests) : ISandboxEndpointGroup
{
    private const int MaxRequests = 20;

    public void Map(IEndpointRouteBuilder routes) => GraphRoutes.Group(routes).Post("/$batch", RunAsync);

    private async Task<IResult> RunAsync(HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        if (body.Array("requests", "BatchRequest") is not { Count: > 0 } requests)
            throw new GraphException(400, GraphErrorCodes.ODataBadRequest, "Invalid batch payload format.");
        if (requests.Count > MaxRequests)
            throw new GraphException(400, GraphErrorCodes.ODataBadRequest, $"Number of batch requests must be less than or equal to {MaxRequests}.");
        var items = requests.Select(BatchItem.Read).ToList();
        if (items.Select(i => i.Id).Distinct(StringComparer.Ordinal).Count() != items.Count)
            throw new GraphException(400, GraphErrorCodes.ODataBadRequest, "Batch request ids must be unique.");

        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        var responses = new JsonArray();
        foreach (var item in items)
        {
            JsonObject response;
            if (item.DependsOn.FirstOrDefault(d => !statuses.TryGetValue(d, out var status) || status >= 400) is { } failed)
            {
                response = Answer(item.Id, StatusCodes.Status424FailedDependency, new Dictionary<string, string>(),
                    GraphError.Body(context, "BadRequest", $"The request depends on request '{failed}', which failed or was not run.")
                        .ToJsonString());
            }
            else
            {
                var answer =
                    await subRequests.SendAsync(context, new SubRequest(item.Method, GraphRoutes.Prefix + item.RelativeUrl, item.Headers, item.Body));
                response = Answer(item.Id, answer.Status, answer.Headers, answer.Body);
            }
            statuses[item.Id] = (int)response["status"]!;
            responses.Add(response);
        }
        return GraphResults.Json(new JsonObject { ["responses"] = responses });
    }

    private static JsonObject Answer(string id, int status, IReadOnlyDictionary<string, string> headers, string body)
    {
        var response = new JsonObject
        {
            ["id"] = id,
            ["status"] = status,
            ["headers"] = new JsonObject(headers
                .Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
        };
        if (body.Length == 0) return response;
        try
        {
            response["body"] = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            response["body"] = body;
        }
        return response;
    }

    private sealed record BatchItem(string Id, string Method, string RelativeUrl, Dictionary<string, string> Headers, string? Body,
        IReadOnlyList<string> DependsOn)
    {
        private const string Resource = "BatchRequestStep";

        public static BatchItem Read(JsonNode? node)
        {
            if (node is not JsonObject json) throw Invalid("every request must be an object");
            var entry = new GraphBody(json);
            var id = entry.String("id", Resource) ?? throw Invalid("a request has no id");
            var method = entry.String("method", Resource) ?? throw Invalid($"request '{id}' has no method");
            var url = entry.String("url", Resource) ?? throw Invalid($"request '{id}' has no url");
            if (Uri.TryCreate(url, UriKind.Absolute, out _) && !url.StartsWith('/'))
                throw Invalid($"request '{id}' has an absolute url; batch urls are relative to the version, e.g. /users");
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in entry.Object("headers", Resource)?.Json ?? [])
                headers[name] = value?.ToString() ?? "";
            var bodyNode = entry.Node("body");
            var dependsOn = (entry.Array("dependsOn", Resource) ?? []).Select(d => d?.ToString() ?? "").ToList();
            return new BatchItem(id, method, url.StartsWith('/') ? url : "/" + url, headers, bodyNode?.ToJsonString(), dependsOn);
        }

        private static GraphException Invalid(string why) => new(400, GraphErrorCodes.ODataBadRequest, $"Invalid batch payload format: {why}.");
    }
}
