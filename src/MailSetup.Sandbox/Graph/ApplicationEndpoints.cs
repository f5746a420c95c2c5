using System.Text.Json.Nodes;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>App registrations: create, read (by id, by appId, by uniqueName, listed), update, upsert by uniqueName, delete.</summary>
internal sealed class ApplicationEndpoints(SandboxTenant tenant, RecentlyCreatedObjects created) : ISandboxEndpointGroup
{
    private const string Resource = ApplicationWrite.Resource;

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/applications", CreateAsync);
        graph.Get("/applications", List);
        graph.Get("/applications/{id}", context => Get(context.RouteValue("id"), context));
        graph.Get("/applications(appId='{appId}')", context => GetByAppId(context.RouteValue("appId"), context));
        graph.Get("/applications(uniqueName='{uniqueName}')", context => GetByUniqueName(context.RouteValue("uniqueName"), context));
        graph.Patch("/applications/{id}", context => UpdateAsync(context.RouteValue("id"), context));
        graph.Patch("/applications(uniqueName='{uniqueName}')", context => UpsertAsync(context.RouteValue("uniqueName"), context));
        graph.Delete("/applications/{id}", context => Delete(context.RouteValue("id")));
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var write = ApplicationWrite.Read(await GraphBody.ReadAsync(context));
        return GraphResults.Created(Create(write, write.UniqueName));
    }

    /// <summary>
    /// Graph's upsert by the client-provided key: updates the app that carries it (204), creates one when it is missing and the
    /// client said <c>Prefer: create-if-missing</c> (201 with the new app), else 404 as any update of a missing object.
    /// </summary>
    private async Task<IResult> UpsertAsync(string uniqueName, HttpContext context)
    {
        var write = ApplicationWrite.Read(await GraphBody.ReadAsync(context));
        if (write.UniqueName is not null && write.UniqueName != uniqueName)
            throw GraphException.BadRequest("The uniqueName in the body differs from the one in the request URL.");
        var existing = tenant.Read(state => state.Applications.FirstOrDefault(a => SameUniqueName(a, uniqueName))?.Id);
        if (existing is not null)
        {
            Update(existing, write);
            return GraphResults.NoContent();
        }
        if (!PrefersCreate(context.Request)) throw GraphException.NotFound(uniqueName);
        return GraphResults.Created(Create(write, uniqueName));
    }

    private JsonObject Create(ApplicationWrite write, string? uniqueName)
    {
        if (string.IsNullOrWhiteSpace(write.DisplayName)) throw GraphException.InvalidProperty("displayName", Resource);
        var (json, app) = tenant.Change(state =>
        {
            if (uniqueName is not null && state.Applications.Any(a => SameUniqueName(a, uniqueName)))
                throw GraphException.Conflict("Another object with the same value for property uniqueName already exists.");
            var app = new SandboxApplication
            {
                Id = state.NewId(),
                AppId = state.NewId(),
                DisplayName = write.DisplayName,
                UniqueName = uniqueName,
                SignInAudience = write.Audience ?? "AzureADMyOrg",
                IsFallbackPublicClient = write.PublicClient,
                CreatedDateTime = tenant.Clock.GetUtcNow(),
                RequiredResourceAccess = write.Access ?? [],
            };
            if (write.Keys is not null) app.KeyCredentials = KeyCredentialReader.Read(write.Keys, [], state.NewId);
            state.Applications.Add(app);
            return (ApplicationShape.Of(app, state), app);
        });
        created.Record(app.Id, app.AppId);
        return json;
    }

    private IResult List(HttpContext context)
    {
        var items = tenant.Read(state => state.Applications.Select(a => ApplicationShape.Of(a, state)).ToList());
        return GraphCollection.Page(context, items, ApplicationShape.TypeName);
    }

    private IResult Get(string id, HttpContext context) =>
        GraphCollection.Single(context, tenant.Read(state => ApplicationShape.Of(DirectoryLookup.Application(state, id), state, WantsKeys(context))),
            ApplicationShape.TypeName);

    private IResult GetByAppId(string appId, HttpContext context) =>
        GraphCollection.Single(context,
            tenant.Read(state => ApplicationShape.Of(DirectoryLookup.ApplicationByAppId(state, appId), state, WantsKeys(context))),
            ApplicationShape.TypeName);

    private IResult GetByUniqueName(string uniqueName, HttpContext context) =>
        GraphCollection.Single(context,
            tenant.Read(state => ApplicationShape.Of(
                state.Applications.FirstOrDefault(a => SameUniqueName(a, uniqueName)) ?? throw GraphException.NotFound(uniqueName),
                state, WantsKeys(context))),
            ApplicationShape.TypeName);

    private async Task<IResult> UpdateAsync(string id, HttpContext context)
    {
        Update(id, ApplicationWrite.Read(await GraphBody.ReadAsync(context)));
        return GraphResults.NoContent();
    }

    private void Update(string id, ApplicationWrite write)
    {
        if (write.Body.Has("displayName") && string.IsNullOrWhiteSpace(write.DisplayName))
            throw GraphException.InvalidProperty("displayName", Resource);
        tenant.Change(state =>
        {
            var app = DirectoryLookup.Application(state, id);
            // Everything that can fail is read before anything changes.
            if (write.UniqueName is not null && write.UniqueName != app.UniqueName)
                throw GraphException.BadRequest("Property 'uniqueName' is immutable: it is set when the application is created.");
            var newKeys = write.Keys is null ? null : KeyCredentialReader.Read(write.Keys, app.KeyCredentials, state.NewId);
            if (write.DisplayName is not null) app.DisplayName = write.DisplayName;
            if (write.Audience is not null) app.SignInAudience = write.Audience;
            if (write.Access is not null) app.RequiredResourceAccess = write.Access;
            if (write.Body.Has("isFallbackPublicClient")) app.IsFallbackPublicClient = write.PublicClient;
            if (newKeys is not null) app.KeyCredentials = newKeys;
        });
    }

    private IResult Delete(string id)
    {
        tenant.Change(state => DirectoryCascade.DeleteApplication(state, DirectoryLookup.Application(state, id)));
        return GraphResults.NoContent();
    }

    private static bool SameUniqueName(SandboxApplication app, string uniqueName) =>
        string.Equals(app.UniqueName, uniqueName, StringComparison.OrdinalIgnoreCase);

    private static bool PrefersCreate(HttpRequest request) =>
        request.Headers["Prefer"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Any(p => p.Equals("create-if-missing", StringComparison.OrdinalIgnoreCase));

    /// <summary>Graph returns certificate keys only to a single-object read that selects keyCredentials.</summary>
    private static bool WantsKeys(HttpContext context) =>
        GraphQuery.From(context.Request).Select?.Any(s => s.Equals("keyCredentials", StringComparison.OrdinalIgnoreCase)) == true;
}
