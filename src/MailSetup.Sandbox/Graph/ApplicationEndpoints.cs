using System.Text.Json.Nodes;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Graph.Query;
using MailSetup.Sandbox.Graph.Shapes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>App registrations: create, read (by id, by appId, listed), update, delete.</summary>
internal sealed class ApplicationEndpoints(SandboxTenant tenant, RecentlyCreatedObjects created) : ISandboxEndpointGroup
{
    private const string Resource = "Application";
    private static readonly string[] Audiences =
        ["AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"];

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/applications", CreateAsync);
        graph.Get("/applications", List);
        graph.Get("/applications/{id}", context => Get(context.RouteValue("id"), context));
        graph.Get("/applications(appId='{appId}')", context => GetByAppId(context.RouteValue("appId"), context));
        graph.Patch("/applications/{id}", context => UpdateAsync(context.RouteValue("id"), context));
        graph.Delete("/applications/{id}", context => Delete(context.RouteValue("id")));
    }

    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var displayName = body.String("displayName", Resource);
        if (string.IsNullOrWhiteSpace(displayName)) throw GraphException.InvalidProperty("displayName", Resource);
        var audience = Audience(body) ?? "AzureADMyOrg";
        var access = RequiredResourceAccessReader.Read(body);
        var publicClient = body.Bool("isFallbackPublicClient", Resource);
        var keys = body.Array("keyCredentials", Resource);

        var (json, app) = tenant.Change(state =>
        {
            var app = new SandboxApplication
            {
                Id = state.NewId(),
                AppId = state.NewId(),
                DisplayName = displayName,
                SignInAudience = audience,
                IsFallbackPublicClient = publicClient,
                CreatedDateTime = tenant.Clock.GetUtcNow(),
                RequiredResourceAccess = access ?? [],
            };
            if (keys is not null) app.KeyCredentials = KeyCredentialReader.Read(keys, [], state.NewId);
            state.Applications.Add(app);
            return (ApplicationShape.Of(app, state), app);
        });
        created.Record(app.Id, app.AppId);
        return GraphResults.Created(json);
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

    private async Task<IResult> UpdateAsync(string id, HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var displayName = body.String("displayName", Resource);
        if (body.Has("displayName") && string.IsNullOrWhiteSpace(displayName)) throw GraphException.InvalidProperty("displayName", Resource);
        var audience = Audience(body);
        var access = RequiredResourceAccessReader.Read(body);
        var publicClient = body.Bool("isFallbackPublicClient", Resource);
        var keys = body.Array("keyCredentials", Resource);

        tenant.Change(state =>
        {
            var app = DirectoryLookup.Application(state, id);
            // Everything that can fail is read before anything changes.
            var newKeys = keys is null ? null : KeyCredentialReader.Read(keys, app.KeyCredentials, state.NewId);
            if (displayName is not null) app.DisplayName = displayName;
            if (audience is not null) app.SignInAudience = audience;
            if (access is not null) app.RequiredResourceAccess = access;
            if (body.Has("isFallbackPublicClient")) app.IsFallbackPublicClient = publicClient;
            if (newKeys is not null) app.KeyCredentials = newKeys;
        });
        return GraphResults.NoContent();
    }

    private IResult Delete(string id)
    {
        tenant.Change(state => DirectoryCascade.DeleteApplication(state, DirectoryLookup.Application(state, id)));
        return GraphResults.NoContent();
    }

    private static string? Audience(GraphBody body)
    {
        var audience = body.String("signInAudience", Resource);
        if (audience is null) return null;
        return Audiences.FirstOrDefault(a => a.Equals(audience, StringComparison.OrdinalIgnoreCase))
               ?? throw GraphException.InvalidProperty("signInAudience", Resource);
    }

    /// <summary>Graph returns certificate keys only to a single-object read that selects keyCredentials.</summary>
    private static bool WantsKeys(HttpContext context) =>
        GraphQuery.From(context.Request).Select?.Any(s => s.Equals("keyCredentials", StringComparison.OrdinalIgnoreCase)) == true;
}
