using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Identity;

/// <summary>Writes the token endpoint's answers: JSON, never cached, errors in Entra's shape.</summary>
internal static class EntraAnswers
{
    public static Task Json(HttpContext http, JsonObject body, int status = StatusCodes.Status200OK)
    {
        http.Response.StatusCode = status;
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        return http.Response.WriteAsJsonAsync(body);
    }

    /// <summary>
    /// <c>{"error", "error_description": "AADSTS…: … Trace ID … Correlation ID … Timestamp …", "error_codes", …}</c>,
    /// as MSAL parses it: the description is what Azure.Identity's AuthenticationFailedException shows.
    /// </summary>
    public static Task Error(HttpContext http, EntraError error, DateTimeOffset now)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = CorrelationId(http);
        var timestamp = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["error"] = error.Error,
            ["error_description"] = $"{error.Description}\r\nTrace ID: {traceId}\r\nCorrelation ID: {correlationId}\r\nTimestamp: {timestamp}",
            ["error_codes"] = new JsonArray(error.Code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/error?code={error.Code}",
        };
        if (error.Suberror is not null) body["suberror"] = error.Suberror;
        return Json(http, body, error.StatusCode);
    }

    /// <summary>MSAL sends <c>client-request-id</c>; Entra answers with it as the correlation id.</summary>
    private static string CorrelationId(HttpContext http) =>
        http.Request.Headers.TryGetValue("client-request-id", out var id) && Guid.TryParse(id.ToString(), out var guid)
            ? guid.ToString()
            : Guid.NewGuid().ToString();
}
