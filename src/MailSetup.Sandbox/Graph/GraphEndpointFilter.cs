using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Runs around every Graph endpoint: the caller must bring a bearer token (then the host's
/// <see cref="ISandboxCallerValidator"/> judges it), and a <see cref="GraphException"/> becomes an ODataError answer.
/// </summary>
internal sealed class GraphEndpointFilter(ISandboxCallerValidator callers) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        GraphRequestIds.Of(context);
        var token = BearerToken.From(context.Request);
        if (token is null)
            return GraphError.Result(context, StatusCodes.Status401Unauthorized, GraphErrorCodes.InvalidAuthenticationToken, "Access token is empty.");
        if (callers.Check(SandboxApi.Graph, token, context.Request) is { } rejection)
            return GraphError.Result(context, rejection.StatusCode, rejection.Code, rejection.Message);
        try
        {
            return await next(invocation);
        }
        catch (GraphException error)
        {
            return GraphError.Result(context, error.Status, error.Code, error.Message);
        }
    }
}
