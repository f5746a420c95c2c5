using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>Where Graph lives on the host, and the one way Graph endpoints are mapped (behind the caller check).</summary>
internal static class GraphRoutes
{
    public const string Prefix = "/v1.0";

    public static GraphRouteGroup Group(IEndpointRouteBuilder routes) => new(routes);
}
