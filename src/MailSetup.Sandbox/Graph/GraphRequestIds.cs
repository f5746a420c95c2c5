using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Graph's request-id (new per request) and client-request-id (echoed from the client's header, as
/// the SDK sends one), set once on the response headers and reused in error bodies.
/// </summary>
internal sealed record GraphRequestIds(string RequestId, string ClientRequestId)
{
    private const string Key = "sandbox.graph-request-ids";

    public static GraphRequestIds Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var kept) && kept is GraphRequestIds ids) return ids;
        var requestId = Guid.NewGuid().ToString();
        var clientRequestId = context.Request.Headers["client-request-id"].ToString();
        ids = new GraphRequestIds(requestId, clientRequestId.Length > 0 ? clientRequestId : requestId);
        context.Items[Key] = ids;
        if (!context.Response.HasStarted)
        {
            context.Response.Headers["request-id"] = ids.RequestId;
            context.Response.Headers["client-request-id"] = ids.ClientRequestId;
        }
        return ids;
    }
}
