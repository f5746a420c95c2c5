using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>The read-only directory: organization, domains, users (by id or UPN), groups and their members.</summary>
internal sealed class DirectoryReadEndpoints(SandboxTenant tenant) : ISandboxEndpointGroup
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Get("/organization", context =>
            GraphCollection.Page(context, [tenant.Read(DirectoryShapes.Organization)], "organization"));
        graph.Get("/organization/{id}", context =>
        {
            var id = context.RouteValue("id");
            return GraphCollection.Single(context, tenant.Read(state => DirectoryIds.SameId(DirectoryIds.Require(id), state.TenantId)
                ? DirectoryShapes.Organization(state) : throw GraphException.NotFound(id)), "organization");
        });

        graph.Get("/domains", context =>
            GraphCollection.Page(context, tenant.Read(state => state.Domains.Select(d => DirectoryShapes.Domain(state, d)).ToList()), "domain"));
        graph.Get("/domains/{id}", context =>
        {
            var id = context.RouteValue("id");
            return GraphCollection.Single(context,
                tenant.Read(state => state.Domains.FirstOrDefault(d => d.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } domain
                ? DirectoryShapes.Domain(state, domain) : throw GraphException.NotFound(id)), "domain");
        });

        graph.Get("/users", context =>
            GraphCollection.Page(context, tenant.Read(state => state.Users.Select(DirectoryShapes.User).ToList()), "user",
                DirectoryShapes.UserDefaults));
        graph.Get("/users/{id}", context =>
        {
            var id = context.RouteValue("id");
            return GraphCollection.Single(context, tenant.Read(state => DirectoryShapes.User(DirectoryLookup.User(state, id))), "user",
                DirectoryShapes.UserDefaults);
        });

        graph.Get("/groups", context =>
            GraphCollection.Page(context, tenant.Read(state => state.Groups.Select(DirectoryShapes.Group).ToList()), "group"));
        graph.Get("/groups/{id}", context =>
        {
            var id = context.RouteValue("id");
            return GraphCollection.Single(context, tenant.Read(state => DirectoryShapes.Group(DirectoryLookup.Group(state, id))), "group");
        });
        graph.Get("/groups/{id}/members", context =>
        {
            var id = context.RouteValue("id");
            return GraphCollection.Page(context, tenant.Read(state => Members(state, id)), "directoryObject", DirectoryShapes.UserDefaults);
        });
    }

    private static List<System.Text.Json.Nodes.JsonObject> Members(TenantState state, string groupId)
    {
        var group = DirectoryLookup.Group(state, groupId);
        return state.Users.Where(u => group.MemberIds.Contains(u.Id, StringComparer.OrdinalIgnoreCase)).Select(DirectoryShapes.User).ToList();
    }
}
