using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph;

/// <summary>Graph answers as minimal-API results.</summary>
internal static class GraphResults
{
    public const string ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), ContentType, Encoding.UTF8, status);

    public static IResult Created(JsonNode body) => Json(body, StatusCodes.Status201Created);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);
}
