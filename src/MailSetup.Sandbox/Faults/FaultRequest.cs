using MailSetup.Sandbox.Exchange;
using MailSetup.Sandbox.Graph;
using MailSetup.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Faults;

/// <summary>What fault rules look at in a request.</summary>
internal sealed record FaultRequest(string Method, string Path, string? CmdletName, string Body, bool ViaBatch)
{
    public static async Task<FaultRequest> FromAsync(HttpContext context)
    {
        var body = await RequestBody.TextAsync(context);
        var path = context.Request.Path.Value ?? "/";
        var cmdlet = ExchangeRoutes.IsAdminApi(context.Request.Path) ? InvokeCommandBody.CmdletNameOf(body) : null;
        return new FaultRequest(context.Request.Method.ToUpperInvariant(), path, cmdlet, body, SubRequests.IsSubRequest(context));
    }

    /// <summary>
    /// Whether replication delay can hit this request: a Graph call that reads or changes an object
    /// by id (a <c>$batch</c> itself is judged item by item).
    /// </summary>
    public bool ReplicatesInto =>
        Method is "GET" or "PATCH" or "POST"
        && Path.StartsWith(GraphRoutes.Prefix + "/", StringComparison.OrdinalIgnoreCase)
        && !Path.Equals(GraphRoutes.Prefix + "/$batch", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the ids this request names are: its path, and the body of a POST or PATCH.</summary>
    public string ReferenceText => Method is "POST" or "PATCH" ? Path + "\n" + Body : Path;
}
