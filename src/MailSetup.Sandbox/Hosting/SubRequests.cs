using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MailSetup.Sandbox.Hosting;

/// <summary>A request made inside the host (an item of a Graph <c>$batch</c>).</summary>
public sealed record SubRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body);

/// <summary>What a <see cref="SubRequest"/> was answered.</summary>
public sealed record SubResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Runs requests through the host's own pipeline (log, faults, routing, endpoints) without a
/// connection, so a <c>$batch</c> item is answered by exactly the code that answers it alone.
/// The pipeline is captured when the host builds it.
/// </summary>
public sealed class SubRequests
{
    private const string Marker = "sandbox.sub-request";
    private RequestDelegate? _pipeline;

    public static bool IsSubRequest(HttpContext context) => context.Items.ContainsKey(Marker);

    /// <summary>Called once, by the host's first middleware, with everything after it.</summary>
    internal RequestDelegate Capture(RequestDelegate pipeline)
    {
        _pipeline = pipeline;
        return pipeline;
    }

    /// <summary>
    /// Answers <paramref name="request"/> as if it came on <paramref name="outer"/>'s connection: same
    /// scheme, host and Authorization unless the sub-request names its own.
    /// </summary>
    public async Task<SubResponse> SendAsync(HttpContext outer, SubRequest request)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("the sandbox pipeline is not built yet.");
        var (path, query) = Split(request.PathAndQuery);
        var body = Encoding.UTF8.GetBytes(request.Body ?? "");

        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers) headers[name] = value;
        headers[HeaderNames.Host] = outer.Request.Host.Value;
        if (!headers.ContainsKey(HeaderNames.Authorization) && outer.Request.Headers.TryGetValue(HeaderNames.Authorization, out var authorization))
            headers[HeaderNames.Authorization] = authorization;
        if (body.Length > 0)
        {
            if (!headers.ContainsKey(HeaderNames.ContentType)) headers[HeaderNames.ContentType] = "application/json";
            headers[HeaderNames.ContentLength] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Scheme = outer.Request.Scheme,
            Method = request.Method.ToUpperInvariant(),
            PathBase = "",
            Path = PathString.FromUriComponent(path).Value ?? "/",
            QueryString = query,
            RawTarget = request.PathAndQuery,
            Headers = headers,
            Body = new MemoryStream(body),
        });
        var responseBody = new MemoryStream();
        var response = new HttpResponseFeature();
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = outer.RequestAborted });

        var context = new DefaultHttpContext(features) { RequestServices = outer.RequestServices };
        context.Items[Marker] = true;
        await pipeline(context);
        await context.Response.CompleteAsync();

        var answeredHeaders = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new SubResponse(context.Response.StatusCode, answeredHeaders, Encoding.UTF8.GetString(responseBody.ToArray()));
    }

    private static (string Path, string Query) Split(string pathAndQuery)
    {
        var at = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return at < 0 ? (pathAndQuery, "") : (pathAndQuery[..at], pathAndQuery[at..]);
    }
}
