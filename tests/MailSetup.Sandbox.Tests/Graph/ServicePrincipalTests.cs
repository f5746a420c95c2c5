using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Graph;

public sealed class ServicePrincipalTests
{
    private const string ExchangeAppId = "00000002-0000-0ff1-ce00-000000000000";
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    private static readonly Guid ImapAccessAsApp = Guid.Parse("5e5addcd-3e8d-4e90-baf5-964efab2b20a");
    private static readonly Guid SmtpSendAsApp = Guid.Parse("7146a1f0-8703-45b3-9eae-527a64c00995");

    private static async Task<(Application App, ServicePrincipal Sp)> AppWithServicePrincipalAsync(GraphServiceClient graph,
        string name = "Mail Relay")
    {
        var app = await graph.Applications.PostAsync(new Application { DisplayName = name });
        var sp = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId });
        return (app, sp!);
    }

    [Fact]
    public async Task Service_principal_is_created_from_the_app_and_found_by_appId()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var (app, sp) = await AppWithServicePrincipalAsync(graph);

        Assert.Equal(app.AppId, sp.AppId);
        Assert.Equal("Mail Relay", sp.DisplayName);
        Assert.NotEqual(app.Id, sp.Id);
        Assert.Equal(host.Tenant.TenantId, sp.AppOwnerOrganizationId?.ToString());

        var byAppId = await graph.ServicePrincipalsWithAppId(app.AppId).GetAsync(r => r.QueryParameters.Select = ["id"]);
        Assert.Equal(sp.Id, byAppId!.Id);
        var listed = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{app.AppId}'");
        Assert.Equal(sp.Id, Assert.Single(listed!.Value!).Id);
    }

    [Fact]
    public async Task A_second_service_principal_for_the_same_app_is_a_conflict()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var (app, _) = await AppWithServicePrincipalAsync(graph);

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app.AppId }));

        Assert.Equal(409, error.ResponseStatusCode);
        Assert.Equal("Request_MultipleObjectsWithSameKeyValue", error.Error!.Code);
        Assert.Contains(app.AppId!, error.Error.Message);
        Assert.Single(host.Tenant.Read(s => s.ServicePrincipals.Where(p => p.AppId == app.AppId).ToList()));
    }

    [Fact]
    public async Task A_service_principal_needs_an_existing_app()
    {
        await using var host = Sandboxes.InMemory();
        var appId = Guid.NewGuid().ToString();
        var error =
            await Assert.ThrowsAsync<ODataError>(() => Sandboxes.Graph(host).ServicePrincipals.PostAsync(new ServicePrincipal { AppId = appId }));
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal($"The appId '{appId}' of the service principal does not reference a valid application object.", error.Error!.Message);
    }

    [Fact]
    public async Task Resource_service_principals_carry_the_catalogs_roles_and_scopes()
    {
        await using var host = Sandboxes.InMemory();
        var found = await Sandboxes.Graph(host).ServicePrincipals.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"appId eq '{ExchangeAppId}' or appId eq '{GraphAppId}'";
            r.QueryParameters.Select = ["id", "appId", "displayName", "appRoles", "oauth2PermissionScopes"];
        });

        var exchange = found!.Value!.Single(s => s.AppId == ExchangeAppId);
        Assert.Equal("Office 365 Exchange Online", exchange.DisplayName);
        Assert.Contains(exchange.AppRoles!, r => r.Value == "IMAP.AccessAsApp" && r.Id == ImapAccessAsApp);
        Assert.Contains(exchange.Oauth2PermissionScopes!, s => s.Value == "IMAP.AccessAsUser.All");
        var graphSp = found.Value!.Single(s => s.AppId == GraphAppId);
        Assert.Contains(graphSp.AppRoles!, r => r.Value == "Mail.Send");
    }

    [Fact]
    public async Task App_role_assignment_is_listed_from_both_sides_and_refused_twice()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var (_, sp) = await AppWithServicePrincipalAsync(graph);
        var exchange = (await graph.ServicePrincipalsWithAppId(ExchangeAppId).GetAsync())!;
        // A new body each time: the SDK's backing store sends only changed values when a model is reused.
        AppRoleAssignment Assignment() =>
            new() { PrincipalId = Guid.Parse(sp.Id!), ResourceId = Guid.Parse(exchange.Id!), AppRoleId = ImapAccessAsApp };

        var created = await graph.ServicePrincipals[exchange.Id].AppRoleAssignedTo.PostAsync(Assignment());

        Assert.Equal("ServicePrincipal", created!.PrincipalType);
        Assert.Equal("Mail Relay", created.PrincipalDisplayName);
        Assert.Equal("Office 365 Exchange Online", created.ResourceDisplayName);
        Assert.Equal(43, created.Id!.Length); // Entra's assignment ids are not GUIDs
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals[exchange.Id].AppRoleAssignedTo.PostAsync(Assignment()));
        Assert.Equal(400, duplicate.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", duplicate.Error!.Code);
        Assert.Equal("Permission being assigned already exists on the object", duplicate.Error.Message);

        var fromPrincipal = await graph.ServicePrincipals[sp.Id].AppRoleAssignments.GetAsync();
        Assert.Equal(created.Id, Assert.Single(fromPrincipal!.Value!).Id);
        var fromResource =
            await graph.ServicePrincipals[exchange.Id].AppRoleAssignedTo.GetAsync(r => r.QueryParameters.Filter = $"principalId eq {sp.Id}");
        Assert.Equal(ImapAccessAsApp, Assert.Single(fromResource!.Value!).AppRoleId);

        await graph.ServicePrincipals[exchange.Id].AppRoleAssignedTo[created.Id].DeleteAsync();
        Assert.Empty((await graph.ServicePrincipals[sp.Id].AppRoleAssignments.GetAsync())!.Value!);
    }

    [Fact]
    public async Task A_role_the_resource_does_not_have_is_refused()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var (_, sp) = await AppWithServicePrincipalAsync(graph);
        var graphSp = (await graph.ServicePrincipalsWithAppId(GraphAppId).GetAsync())!;

        // SMTP.SendAsApp is an Exchange Online role, not a Microsoft Graph one.
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals[graphSp.Id].AppRoleAssignedTo.PostAsync(
            new AppRoleAssignment { PrincipalId = Guid.Parse(sp.Id!), ResourceId = Guid.Parse(graphSp.Id!), AppRoleId = SmtpSendAsApp }));

        Assert.Equal($"Permission being assigned was not found on application '{GraphAppId}'.", error.Error!.Message);
    }

    [Fact]
    public async Task Delegated_grant_is_filtered_patched_and_unique_per_client_and_resource()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var (_, sp) = await AppWithServicePrincipalAsync(graph);
        var exchange = (await graph.ServicePrincipalsWithAppId(ExchangeAppId).GetAsync())!;
        OAuth2PermissionGrant Grant() =>
            new() { ClientId = sp.Id, ConsentType = "AllPrincipals", ResourceId = exchange.Id, Scope = "IMAP.AccessAsUser.All" };

        var created = await graph.Oauth2PermissionGrants.PostAsync(Grant());
        var duplicate = await Assert.ThrowsAsync<ODataError>(() => graph.Oauth2PermissionGrants.PostAsync(Grant()));
        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Equal("Permission entry already exists.", duplicate.Error!.Message);

        await graph.Oauth2PermissionGrants[created!.Id].PatchAsync(new OAuth2PermissionGrant { Scope = "IMAP.AccessAsUser.All SMTP.Send" });
        var found =
            await graph.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{sp.Id}' and resourceId eq '{exchange.Id}'");
        Assert.Equal("IMAP.AccessAsUser.All SMTP.Send", Assert.Single(found!.Value!).Scope);

        await graph.Oauth2PermissionGrants[created.Id].DeleteAsync();
        Assert.Empty((await graph.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{sp.Id}'"))!.Value!);
    }

    [Fact]
    public async Task Microsofts_own_service_principals_cannot_be_deleted()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var exchange = (await graph.ServicePrincipalsWithAppId(ExchangeAppId).GetAsync())!;

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals[exchange.Id].DeleteAsync());

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
    }
}
