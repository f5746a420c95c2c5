using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Delegated consent (oauth2PermissionGrants). One grant per client, resource and consent target
/// (all users, or one): a second is refused with 409, as Entra does; scopes change by PATCH.
/// </summary>
internal sealed class PermissionGrantEndpoints(SandboxTenant tenant, RecentlyCreatedObjects created) : ISandboxEndpointGroup
{
    private const string Resource = "OAuth2PermissionGrant";

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/oauth2PermissionGrants", CreateAsync);
        graph.Get("/oauth2PermissionGrants", List);
        graph.Get("/oauth2PermissionGrants/{id}", context => Get(context.RouteValue("id"), context));
        graph.Patch("/oauth2PermissionGrants/{id}", context => UpdateAsync(context.RouteValue("id"), context));
        graph.Delete("/oauth2PermissionGrants/{id}", context => Delete(context.RouteValue("id")));
        graph.Get("/servicePrincipals/{id}/oauth2PermissionGrants", context => ListOfClient(context.RouteValue("id"), context));
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var clientId = body.RequiredId("clientId", Resource);
        var resourceId = body.RequiredId("resourceId", Resource);
        var consentType = body.String("consentType", Resource);
        var scope = body.String("scope", Resource) ?? "";
        var principalId = body.String("principalId", Resource);
        if (consentType is not ("AllPrincipals" or "Principal")) throw GraphException.InvalidProperty("consentType", Resource);
        if ((consentType == "Principal") != (principalId is not null)) throw GraphException.InvalidProperty("principalId", Resource);

        var (json, id) = tenant.Change(state =>
        {
            DirectoryLookup.ServicePrincipal(state, clientId);
            DirectoryLookup.ServicePrincipal(state, resourceId);
            if (principalId is not null) principalId = DirectoryLookup.User(state, principalId).Id;
            if (state.PermissionGrants.Any(g => DirectoryIds.SameId(g.ClientId, clientId) && DirectoryIds.SameId(g.ResourceId, resourceId)
                                                && g.ConsentType == consentType
                                                && string.Equals(g.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase)))
                throw GraphException.Conflict("Permission entry already exists.");
            var grant = new SandboxPermissionGrant
            {
                Id = DirectoryIds.NewOpaque(state),
                ClientId = clientId,
                ResourceId = resourceId,
                ConsentType = consentType,
                PrincipalId = principalId,
                Scope = scope,
            };
            state.PermissionGrants.Add(grant);
            return (DirectoryShapes.PermissionGrant(grant), grant.Id);
        });
        created.Record(id);
        return GraphResults.Created(json);
    }

    private IResult List(HttpContext context) =>
        GraphCollection.Page(context, tenant.Read(state => state.PermissionGrants.Select(DirectoryShapes.PermissionGrant).ToList()),
            "oAuth2PermissionGrant");

    private IResult ListOfClient(string id, HttpContext context)
    {
        var items = tenant.Read(state =>
        {
            var sp = DirectoryLookup.ServicePrincipal(state, id);
            return state.PermissionGrants.Where(g => DirectoryIds.SameId(g.ClientId, sp.Id)).Select(DirectoryShapes.PermissionGrant).ToList();
        });
        return GraphCollection.Page(context, items, "oAuth2PermissionGrant");
    }

    private IResult Get(string id, HttpContext context) =>
        GraphCollection.Single(context, tenant.Read(state => DirectoryShapes.PermissionGrant(Find(state, id))), "oAuth2PermissionGrant");

    private async Task<IResult> UpdateAsync(string id, HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var scope = body.String("scope", Resource);
        tenant.Change(state =>
        {
            var grant = Find(state, id);
            if (scope is not null) grant.Scope = scope;
        });
        return GraphResults.NoContent();
    }

    private IResult Delete(string id)
    {
        tenant.Change(state => state.PermissionGrants.Remove(Find(state, id)));
        return GraphResults.NoContent();
    }

    private static SandboxPermissionGrant Find(TenantState state, string id) =>
        state.PermissionGrants.FirstOrDefault(g => g.Id == id) ?? throw GraphException.NotFound(id);
}
