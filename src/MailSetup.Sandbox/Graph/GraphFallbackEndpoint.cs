using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>Any other Graph path: answered as Graph answers a segment it does not know, naming it.</summary>
internal sealed class GraphFallbackEndpoint : ISandboxEndpointGroup
{
    private static readonly string[] AllMethods = ["GET", "POST", "PATCH", "PUT", "DELETE"];

    public void Map(IEndpointRouteBuilder routes) =>
        GraphRoutes.Group(routes).Methods("/{**rest}", AllMethods, context =>
        {
            var segment = context.RouteValue("rest").Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            throw new GraphException(400, GraphErrorCodes.ODataBadRequest, $"Resource not found for the segment '{segment}'.");
        });
}
