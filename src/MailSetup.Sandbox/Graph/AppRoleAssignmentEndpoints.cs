using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Application permission consent (app role assignments), from the resource's side
/// (<c>appRoleAssignedTo</c>) or the principal's (<c>appRoleAssignments</c>). The role must exist
/// on the resource; the same role twice is refused with Graph's message.
/// </summary>
internal sealed class AppRoleAssignmentEndpoints(SandboxTenant tenant, RecentlyCreatedObjects created) : ISandboxEndpointGroup
{
    private const string Resource = "AppRoleAssignment";

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/servicePrincipals/{id}/appRoleAssignedTo",
            context => CreateAsync(context, resourceInPath: context.RouteValue("id"), principalInPath: null));
        graph.Get("/servicePrincipals/{id}/appRoleAssignedTo", context => List(context, context.RouteValue("id"), a => a.ResourceId));
        graph.Delete("/servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}",
            context => Delete(context.RouteValue("id"), context.RouteValue("assignmentId"), a => a.ResourceId));
        graph.Post("/servicePrincipals/{id}/appRoleAssignments",
            context => CreateAsync(context, resourceInPath: null, principalInPath: context.RouteValue("id")));
        graph.Get("/servicePrincipals/{id}/appRoleAssignments", context => List(context, context.RouteValue("id"), a => a.PrincipalId));
        graph.Delete("/servicePrincipals/{id}/appRoleAssignments/{assignmentId}",
            context => Delete(context.RouteValue("id"), context.RouteValue("assignmentId"), a => a.PrincipalId));
    }

    private async Task<IResult> CreateAsync(HttpContext context, string? resourceInPath, string? principalInPath)
    {
        var body = await GraphBody.ReadAsync(context);
        var principalId = body.RequiredId("principalId", Resource);
        var resourceId = body.RequiredId("resourceId", Resource);
        var appRoleId = body.RequiredId("appRoleId", Resource);

        var (json, id) = tenant.Change(state =>
        {
            var pathSp = DirectoryLookup.ServicePrincipal(state, resourceInPath ?? principalInPath!);
            if (!DirectoryIds.SameId(pathSp.Id, resourceInPath is null ? principalId : resourceId))
                throw GraphException.InvalidProperty(resourceInPath is null ? "principalId" : "resourceId", Resource);
            var resource = DirectoryLookup.ServicePrincipal(state, resourceId);
            var principal = DirectoryLookup.Principal(state, principalId);
            // Guid.Empty is the default access role every resource has.
            if (appRoleId != Guid.Empty.ToString() && !resource.AppRoles.Any(r => DirectoryIds.SameId(r.Id, appRoleId)))
                throw GraphException.BadRequest($"Permission being assigned was not found on application '{resource.AppId}'.");
            if (state.AppRoleAssignments.Any(
                a =>
                    DirectoryIds.SameId(a.PrincipalId, principalId) && DirectoryIds.SameId(a.ResourceId, resourceId)
                        && DirectoryIds.SameId(a.AppRoleId, appRoleId)))
                throw GraphException.BadRequest("Permission being assigned already exists on the object");

            var assignment = new SandboxAppRoleAssignment
            {
                Id = DirectoryIds.NewOpaque(state),
                PrincipalId = principalId,
                ResourceId = resource.Id,
                AppRoleId = appRoleId,
                PrincipalDisplayName = principal.DisplayName,
                PrincipalType = principal.Type,
                ResourceDisplayName = resource.DisplayName,
                CreatedDateTime = tenant.Clock.GetUtcNow(),
            };
            state.AppRoleAssignments.Add(assignment);
            return (DirectoryShapes.AppRoleAssignment(assignment), assignment.Id);
        });
        created.Record(id);
        return GraphResults.Created(json);
    }

    private IResult List(HttpContext context, string id, Func<SandboxAppRoleAssignment, string> side)
    {
        var items = tenant.Read(state =>
        {
            var sp = DirectoryLookup.ServicePrincipal(state, id);
            return state.AppRoleAssignments.Where(a => DirectoryIds.SameId(side(a), sp.Id)).Select(DirectoryShapes.AppRoleAssignment).ToList();
        });
        return GraphCollection.Page(context, items, "appRoleAssignment");
    }

    private IResult Delete(string id, string assignmentId, Func<SandboxAppRoleAssignment, string> side)
    {
        tenant.Change(state =>
        {
            var sp = DirectoryLookup.ServicePrincipal(state, id);
            var assignment = state.AppRoleAssignments.FirstOrDefault(a => a.Id == assignmentId && DirectoryIds.SameId(side(a), sp.Id))
                             ?? throw GraphException.NotFound(assignmentId);
            state.AppRoleAssignments.Remove(assignment);
        });
        return GraphResults.NoContent();
    }
}
