using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Maps Graph endpoints under <see cref="GraphRoutes.Prefix"/>, each guarded the same way: the caller
/// must bring a bearer token (then the host's <see cref="ISandboxCallerValidator"/> judges it), and a
/// <see cref="GraphException"/> becomes an ODataError answer. Handlers are plain functions of the
/// context (see <see cref="ResultDelegates"/> for why not minimal-API delegates).
/// </summary>
internal sealed class GraphRouteGroup(IEndpointRouteBuilder routes)
{
    private readonly RouteGroupBuilder _group = routes.MapGroup(GraphRoutes.Prefix);
    private readonly ISandboxCallerValidator _callers = routes.ServiceProvider.GetRequiredService<ISandboxCallerValidator>();

    public void Get(string pattern, Func<HttpContext, IResult> handler) => _group.MapGet(pattern, Guarded(handler));

    public void Delete(string pattern, Func<HttpContext, IResult> handler) => _group.MapDelete(pattern, Guarded(handler));

    public void Post(string pattern, Func<HttpContext, Task<IResult>> handler) => _group.MapPost(pattern, Guarded(handler));

    public void Patch(string pattern, Func<HttpContext, Task<IResult>> handler) => _group.MapPatch(pattern, Guarded(handler));

    public void Methods(string pattern, IEnumerable<string> methods, Func<HttpContext, IResult> handler) =>
        _group.MapMethods(pattern, methods, Guarded(handler));

    private RequestDelegate Guarded(Func<HttpContext, IResult> handler) => Guarded(context => Task.FromResult(handler(context)));

    private RequestDelegate Guarded(Func<HttpContext, Task<IResult>> handler) => ResultDelegates.From(async context =>
    {
        GraphRequestIds.Of(context);
        var token = BearerToken.From(context.Request);
        if (token is null)
        {
            BearerToken.Challenge(context);
            return GraphError.Result(context, StatusCodes.Status401Unauthorized, GraphErrorCodes.InvalidAuthenticationToken,
                "Access token is empty.");
        }
        if (_callers.Check(SandboxApi.Graph, token, context.Request) is { } rejection)
        {
            if (rejection.StatusCode == StatusCodes.Status401Unauthorized) BearerToken.Challenge(context);
            return GraphError.Result(context, rejection.StatusCode, rejection.Code, rejection.Message);
        }
        try
        {
            return await handler(context);
        }
        catch (GraphException error)
        {
            // Only the handler's work is guarded: its answer is written afterwards, when a half-written
            // response could not be replaced by an error anyway.
            return GraphError.Result(context, error.Status, error.Code, error.Message);
        }
    });
}
