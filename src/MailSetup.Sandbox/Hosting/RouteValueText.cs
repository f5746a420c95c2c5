using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Hosting;

/// <summary>Route parameters as the text routing matched, what a minimal API would bind to a string parameter.</summary>
internal static class RouteValueText
{
    /// <summary>A parameter of the endpoint's pattern; routing always sets it (possibly empty for a catch-all).</summary>
    public static string RouteValue(this HttpContext context, string name) =>
        (string?)context.Request.RouteValues[name] ?? "";
}
