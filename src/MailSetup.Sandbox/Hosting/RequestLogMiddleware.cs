using MailSetup.Sandbox.Exchange;
using MailSetup.Sandbox.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Records each request in the <see cref="SandboxRequestLog"/> before anything else sees it.
/// The device approval secret never goes into the log: its header is left out like Authorization, and the secret's
/// text is masked wherever else it appears (a form field, a JSON body, a query).
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, SandboxRequestLog log, TimeProvider clock, SandboxHostOptions options)
{
    private const string Masked = "[approval secret]";

    public async Task InvokeAsync(HttpContext context)
    {
        var body = await RequestBody.TextAsync(context);
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(target)) target = request.Path.ToUriComponent() + request.QueryString.ToUriComponent();

        var arrived = new SandboxRequest(clock.GetUtcNow(), request.Method, Mask(target), Mask(body), Headers(request))
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

    private string Mask(string text) =>
        options.DeviceApprovalSecret is { Length: > 0 } secret ? text.Replace(secret, Masked, StringComparison.Ordinal) : text;

    private Dictionary<string, string> Headers(HttpRequest request) =>
        request.Headers
            .Where(h => !h.Key.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase)
                        && !h.Key.Equals(HeaderNames.ProxyAuthorization, StringComparison.OrdinalIgnoreCase)
                        && !h.Key.Equals(DeviceApprovalSecrets.HeaderName, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => Mask(h.Value.ToString()), StringComparer.OrdinalIgnoreCase);
}
