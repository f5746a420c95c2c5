using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>The read-only directory: organization, domains, users (by id or UPN), groups and their members.</summary>
internal sealed class DirectoryReadEndpoints(SandboxTenant tenant) : ISandboxEndpointGroup
{
    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.MapGet("/organization", (HttpContext context) =>
            GraphCollection.Page(context, [tenant.Read(DirectoryShapes.Organization)], "organization"));
        graph.MapGet("/organization/{id}", (string id, HttpContext context) =>
            GraphCollection.Single(context, tenant.Read(state => DirectoryIds.SameId(DirectoryIds.Require(id), state.TenantId)
                ? DirectoryShapes.Organization(state) : throw GraphException.NotFound(id)), "organization"));

        graph.MapGet("/domains", (HttpContext context) =>
            GraphCollection.Page(context, tenant.Read(state => state.Domains.Select(d => DirectoryShapes.Domain(state, d)).ToList()), "domain"));
        graph.MapGet("/domains/{id}", (string id, HttpContext context) =>
            GraphCollection.Single(context, tenant.Read(state => state.Domains.FirstOrDefault(d => d.Equals(id, StringComparison.OrdinalIgnoreCase)) is { } domain
                ? DirectoryShapes.Domain(state, domain) : throw GraphException.NotFound(id)), "domain"));

        graph.MapGet("/users", (HttpContext context) =>
            GraphCollection.Page(context, tenant.Read(state => state.Users.Select(DirectoryShapes.User).ToList()), "user", DirectoryShapes.UserDefaults));
        graph.MapGet("/users/{id}", (string id, HttpContext context) =>
            GraphCollection.Single(context, tenant.Read(state => DirectoryShapes.User(DirectoryLookup.User(state, id))), "user", DirectoryShapes.UserDefaults));

        graph.MapGet("/groups", (HttpContext context) =>
            GraphCollection.Page(context, tenant.Read(state => state.Groups.Select(DirectoryShapes.Group).ToList()), "group"));
        graph.MapGet("/groups/{id}", (string id, HttpContext context) =>
            GraphCollection.Single(context, tenant.Read(state => DirectoryShapes.Group(DirectoryLookup.Group(state, id))), "group"));
        graph.MapGet("/groups/{id}/members", (string id, HttpContext context) =>
            GraphCollection.Page(context, tenant.Read(state => Members(state, id)), "directoryObject", DirectoryShapes.UserDefaults));
    }

    private static List<System.Text.Json.Nodes.JsonObject> Members(TenantState state, string groupId)
    {
        var group = DirectoryLookup.Group(state, groupId);
        return state.Users.Where(u => group.MemberIds.Contains(u.Id, StringComparer.OrdinalIgnoreCase)).Select(DirectoryShapes.User).ToList();
    }
}
