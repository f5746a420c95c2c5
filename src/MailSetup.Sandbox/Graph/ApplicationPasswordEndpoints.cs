using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// Client secrets: <c>addPassword</c> answers the new secret once (<c>secretText</c>) and the tenant
/// keeps only its hash; <c>removePassword</c> deletes one by keyId.
/// </summary>
internal sealed class ApplicationPasswordEndpoints(SandboxTenant tenant) : ISandboxEndpointGroup
{
    private const string Resource = "PasswordCredential";

    /// <summary>Graph's default lifetime of a client secret.</summary>
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365 * 2);

    public void Map(IEndpointRouteBuilder routes)
    {
        var graph = GraphRoutes.Group(routes);
        graph.Post("/applications/{id}/addPassword", context => AddAsync(context.RouteValue("id"), context));
        graph.Post("/applications/{id}/removePassword", context => RemoveAsync(context.RouteValue("id"), context));
    }

    private async Task<IResult> AddAsync(string id, HttpContext context)
    {
        var body = await GraphBody.ReadOptionalAsync(context);
        var credential = body.Object("passwordCredential", Resource) ?? new GraphBody([]);
        var displayName = credential.String("displayName", Resource);
        var now = tenant.Clock.GetUtcNow();
        var start = credential.Date("startDateTime", Resource) ?? now;
        var end = credential.Date("endDateTime", Resource) ?? start + DefaultLifetime;
        if (end <= start) throw GraphException.InvalidProperty("endDateTime", Resource);

        var secret = ClientSecrets.New();
        var stored = tenant.Change(state =>
        {
            var app = DirectoryLookup.Application(state, id);
            var stored = new SandboxPasswordCredential
            {
                KeyId = state.NewId(),
                DisplayName = displayName,
                StartDateTime = start,
                EndDateTime = end,
                Hint = ClientSecrets.HintOf(secret),
                SecretHash = SecretHash.Of(secret),
            };
            app.PasswordCredentials.Add(stored);
            return stored;
        });
        var answer = Shapes.ApplicationShape.PasswordCredential(stored);
        answer["secretText"] = secret;
        return GraphResults.Json(answer);
    }

    private async Task<IResult> RemoveAsync(string id, HttpContext context)
    {
        var body = await GraphBody.ReadAsync(context);
        var keyId = body.RequiredId("keyId", Resource);
        tenant.Change(state =>
        {
            var app = DirectoryLookup.Application(state, id);
            var credential = app.PasswordCredentials.FirstOrDefault(p => DirectoryIds.SameId(p.KeyId, keyId)) ?? throw GraphException.NotFound(keyId);
            app.PasswordCredentials.Remove(credential);
        });
        return GraphResults.NoContent();
    }
}
