using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>Service principals (enterprise apps): create from an app registration's appId, read, list, delete.</summary>
internal sealed class ServicePrincipalEndpoints(SandboxTenant tenant, RecentlyCreatedObjects created) : ISandboxEndpointGroup
{
    private const string Resource = "ServicePrincipal";

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/servicePrincipals", CreateAsync);
        graph.Get("/servicePrincipals", List);
        graph.Get("/servicePrincipals/{id}", context => Get(context.RouteValue("id"), context));
        graph.Get("/servicePrincipals(appId='{appId}')", context => GetByAppId(context.RouteValue("appId"), context));
        graph.Delete("/servicePrincipals/{id}", context => Delete(context.RouteValue("id")));
        graph.Delete("/servicePrincipals(appId='{appId}')", context => DeleteByAppId(context.RouteValue("appId")));
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var appId = body.String("appId", Resource);
        if (appId is null || !Guid.TryParse(appId, out var parsed)) throw GraphException.InvalidProperty("appId", Resource);
        appId = parsed.ToString();

        var (json, id) = tenant.Change(state =>
        {
            var app = state.Applications.FirstOrDefault(a => DirectoryIds.SameId(a.AppId, appId));
            if (state.ServicePrincipals.Any(s => DirectoryIds.SameId(s.AppId, appId)))
                throw GraphException.Conflict(
                    $"The service principal cannot be created, updated, or restored because the service principal name {appId} is already in use.");
            if (app is null)
                throw GraphException.BadRequest($"The appId '{appId}' of the service principal does not reference a valid application object.");
            var sp = new SandboxServicePrincipal { Id = state.NewId(), AppId = app.AppId, DisplayName = app.DisplayName };
            state.ServicePrincipals.Add(sp);
            return (ServicePrincipalShape.Of(sp, state), sp.Id);
        });
        created.Record(id);
        return GraphResults.Created(json);
    }

    private IResult List(HttpContext context) =>
        GraphCollection.Page(context, tenant.Read(state => state.ServicePrincipals.Select(s => ServicePrincipalShape.Of(s, state)).ToList()),
            ServicePrincipalShape.TypeName);

    private IResult Get(string id, HttpContext context) =>
        GraphCollection.Single(context, tenant.Read(state => ServicePrincipalShape.Of(DirectoryLookup.ServicePrincipal(state, id), state)),
            ServicePrincipalShape.TypeName);

    private IResult GetByAppId(string appId, HttpContext context) =>
        GraphCollection.Single(context, tenant.Read(state => ServicePrincipalShape.Of(DirectoryLookup.ServicePrincipalByAppId(state, appId), state)),
            ServicePrincipalShape.TypeName);

    private IResult Delete(string id) => DeleteWhere(state => DirectoryLookup.ServicePrincipal(state, id));

    private IResult DeleteByAppId(string appId) => DeleteWhere(state => DirectoryLookup.ServicePrincipalByAppId(state, appId));

    private IResult DeleteWhere(Func<TenantState, SandboxServicePrincipal> find)
    {
        tenant.Change(state =>
        {
            var sp = find(state);
            // Microsoft's own resources stay: without them no mail permission can be granted.
            if (sp.BuiltIn)
                throw new GraphException(403, GraphErrorCodes.AuthorizationRequestDenied, "Insufficient privileges to complete the operation.");
            DirectoryCascade.DeleteServicePrincipal(state, sp);
        });
        return GraphResults.NoContent();
    }
}
