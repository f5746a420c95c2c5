using MailSetup.Sandbox.Exchange;
using MailSetup.Sandbox.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MailSetup.Sandbox.Hosting;

/// <summary>Records each request in the <see cref="SandboxRequestLog"/> before anything else sees it.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, SandboxRequestLog log, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var body = await RequestBody.TextAsync(context);
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) target = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();

        var arrived = new SandboxRequest(clock.GetUtcNow(), request.Method, target, body, Headers(request))
        {
            ViaBatch = SubRequests.IsSubRequest(context),
            CmdletName = ExchangeRoutes.IsAdminApi(request.Path) ? InvokeCommandBody.CmdletNameOf(body) : null,
        };
        log.Add(arrived);
        try
        {
            await next(context);
        }
        finally
        {
            log.Complete(arrived, context.Response.StatusCode, FaultMarker.Of(context));
        }
    }

    private static Dictionary<string, string> Headers(HttpRequest request) =>
        request.Headers
            .Where(h => !h.Key.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
                        && !h.Key.Equals(HeaderNames.ProxyAuthorization, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
}
