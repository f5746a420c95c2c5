using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Graph's ODataError body: <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>,
/// which the Graph SDK turns into an <c>ODataError</c> exception.
/// </summary>
internal static class GraphError
{
    public static string ResourceNotFoundMessage(string id) =>
        $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.";

    public static JsonObject Body(HttpContext context, string code, string message)
    {
        var ids = GraphRequestIds.Of(context);
        var clock = context.RequestServices.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        return new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    // Graph writes this date without an offset; it is UTC.
                    ["date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["request-id"] = ids.RequestId,
                    ["client-request-id"] = ids.ClientRequestId,
                },
            },
        };
    }

    public static IResult Result(HttpContext context, int status, string code, string message) =>
        GraphResults.Json(Body(context, code, message), status);

    public static Task WriteAsync(HttpContext context, int status, string code, string message) =>
        Result(context, status, code, message).ExecuteAsync(context);
}
