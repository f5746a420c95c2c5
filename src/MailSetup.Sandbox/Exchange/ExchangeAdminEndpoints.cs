using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Exchange;

/// <summary>
/// Exchange Online's admin API: <c>POST /adminapi/beta/{tenantId}/InvokeCommand</c> runs one cmdlet
/// and answers <c>{"value":[...]}</c>. A long answer is paged: <c>@odata.nextLink</c> is the same
/// URL with a <c>$skiptoken</c>, POSTed again with the same body. Page size follows the client's
/// <c>Prefer: odata.maxpagesize=N</c>, else the host's <see cref="SandboxHostOptions.ExchangePageSize"/>.
/// </summary>
internal sealed class ExchangeAdminEndpoints(SandboxTenant tenant, ISandboxCallerValidator callers,
    SandboxHostOptions options) : ISandboxEndpointGroup
{
    private readonly ExchangeCmdlets _cmdlets = new();

    public void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost(ExchangeRoutes.InvokeCommand, ResultDelegates.From(context => InvokeAsync(context.RouteValue("tenantId"), context)));

    private async Task<IResult> InvokeAsync(string tenantId, HttpContext context)
    {
        var token = BearerToken.From(context.Request);
        if (token is null)
        {
            BearerToken.Challenge(context);
            return Error(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", "Access token is empty.");
        }
        if (callers.Check(SandboxApi.ExchangeAdmin, token, context.Request) is { } rejection)
        {
            if (rejection.StatusCode == StatusCodes.Status401Unauthorized) BearerToken.Challenge(context);
            return Error(rejection.StatusCode, rejection.Code, rejection.Message);
        }
        if (!IsThisTenant(tenantId))
            return Error(StatusCodes.Status404NotFound, "TenantNotFound", $"The tenant '{tenantId}' was not found.");

        try
        {
            var body = InvokeCommandBody.Parse(await RequestBody.TextAsync(context));
            var cmdlet = _cmdlets.Find(body.CmdletName);
            var output = cmdlet.Invoke(tenant, new CmdletParameters(body.Parameters, cmdlet.Parameters, cmdlet.Mandatory));
            return Page(context, output);
        }
        catch (ExchangeException error)
        {
            return Error(StatusCodes.Status400BadRequest, error.Code, error.Message);
        }
    }

    private bool IsThisTenant(string tenantId) =>
        tenant.Read(state => state.TenantId.Equals(tenantId, StringComparison.OrdinalIgnoreCase)
                             || state.Domains.Contains(tenantId, StringComparer.OrdinalIgnoreCase));

    private IResult Page(HttpContext context, IReadOnlyList<JsonObject> output)
    {
        var request = context.Request;
        var size = PageSize(request);
        var offset = int.TryParse(request.Query["$skiptoken"], NumberStyles.None, CultureInfo.InvariantCulture, out var skip) ? skip : 0;
        var body = new JsonObject
        {
            ["@odata.context"] = $"{request.Scheme}://{request.Host}/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)",
            ["value"] = new JsonArray([.. output.Skip(offset).Take(size)]),
        };
        if (output.Count > offset + size)
            body["@odata.nextLink"] = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?$skiptoken={offset + size}";
        return Json(StatusCodes.Status200OK, body);
    }

    private int PageSize(HttpRequest request)
    {
        foreach (var preference in request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries)))
        {
            const string name = "odata.maxpagesize=";
            if (preference.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && int.TryParse(preference[name.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0)
                return size;
        }
        return options.ExchangePageSize;
    }

    private static IResult Error(int status, string code, string message) =>
        Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static IResult Json(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json; odata.metadata=minimal; charset=utf-8", Encoding.UTF8, status);
}
