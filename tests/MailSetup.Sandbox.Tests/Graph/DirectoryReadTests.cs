using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Graph;

public sealed class DirectoryReadTests
{
    [Fact]
    public async Task Page_iterator_follows_next_links_through_every_user()
    {
        await using var host = Sandboxes.InMemory(Sandboxes.Tenant(mailboxes: 120));
        var graph = Sandboxes.Graph(host);
        var first = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Top = 25;
            r.QueryParameters.Select = ["id", "userPrincipalName"];
        });
        Assert.StartsWith(host.Endpoints.GraphBaseUrl + "/users?", first!.OdataNextLink);

        var names = new List<string>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(graph, first, user =>
        {
            names.Add(user.UserPrincipalName!);
            return true;
        });
        await iterator.IterateAsync();

        var expected = host.Tenant.Read(s => s.Users.Select(u => u.UserPrincipalName).ToList());
        Assert.Equal(expected, names);
        Assert.Equal(125, names.Count); // admin, 120 people, 4 shared mailboxes
        var pages = host.Requests.Snapshot().Where(r => r.Path == "/v1.0/users").ToList();
        Assert.Equal(5, pages.Count);
        Assert.All(pages, p => Assert.Contains("$top=25", p.PathAndQuery));
    }

    [Theory]
    [InlineData("startswith(displayName,'adele v')", "adele.vance@contoso.onmicrosoft.com")]
    [InlineData("mail eq 'SUPPORT@contoso.onmicrosoft.com'", "support@contoso.onmicrosoft.com")]
    [InlineData("userPrincipalName eq 'sales@contoso.onmicrosoft.com' and accountEnabled eq false", "sales@contoso.onmicrosoft.com")]
    [InlineData("(mail eq 'nobody@contoso.com' or startswith(userPrincipalName,'noreply@')) and not (accountEnabled eq true)",
        "noreply@contoso.onmicrosoft.com")]
    public async Task Users_are_filtered_with_OData_expressions(string filter, string expected)
    {
        await using var host = Sandboxes.InMemory();
        var users = await Sandboxes.Graph(host).Users.GetAsync(r => r.QueryParameters.Filter = filter);
        Assert.Equal(expected, Assert.Single(users!.Value!).UserPrincipalName);
    }

    [Fact]
    public async Task Select_returns_only_the_selected_properties_and_users_have_a_default_set()
    {
        await using var host = Sandboxes.InMemory();
        using var http = Sandboxes.Http(host);

        var selected = JsonNode.Parse(await http.GetStringAsync("v1.0/users?$select=displayName,mail&$top=1"))!["value"]![0]!.AsObject();
        var plain = JsonNode.Parse(await http.GetStringAsync("v1.0/users?$top=1"))!["value"]![0]!.AsObject();

        Assert.Equal(["@odata.type", "displayName", "mail"], selected.Select(p => p.Key).ToArray());
        Assert.Contains(plain, p => p.Key == "userPrincipalName");
        Assert.DoesNotContain(plain, p => p.Key == "accountEnabled");
    }

    [Fact]
    public async Task User_is_read_by_userPrincipalName_or_id()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var admin = await graph.Users[TenantSeed.AdminAddress].GetAsync();
        var again = await graph.Users[admin!.Id].GetAsync(r => r.QueryParameters.Select = ["displayName"]);
        Assert.Equal("MOD Administrator", again!.DisplayName);
    }

    [Fact]
    public async Task Scope_group_is_found_by_mail_with_its_members()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var group = Assert.Single((await graph.Groups.GetAsync(r => r.QueryParameters.Filter = $"mail eq '{TenantSeed.ScopeGroupAddress}'"))!.Value!);
        Assert.True(group.MailEnabled);
        Assert.True(group.SecurityEnabled);

        var members = await graph.Groups[group.Id].Members.GetAsync();
        Assert.Equal(["support@contoso.onmicrosoft.com", "sales@contoso.onmicrosoft.com"],
            members!.Value!.Cast<User>().Select(u => u.Mail!).Order().Reverse().ToArray());
    }

    [Fact]
    public async Task Organization_and_domains_describe_the_tenant()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var organization = Assert.Single((await graph.Organization.GetAsync())!.Value!);
        Assert.Equal(host.Tenant.TenantId, organization.Id);
        Assert.Equal(TenantSeed.Domain, organization.VerifiedDomains!.Single(d => d.IsDefault == true).Name);
        var domains = await graph.Domains.GetAsync();
        Assert.Equal([TenantSeed.Domain, "contoso.com"], domains!.Value!.Select(d => d.Id!).ToArray());
    }

    [Theory]
    [InlineData("$filter=displayName eq", "Request_BadRequest", "Invalid filter clause")]
    [InlineData("$filter=shoeSize eq '42'", "Request_BadRequest", "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.")]
    [InlineData("$filter=proxyAddresses/any(x:x eq 'smtp:a@b.c')", "Request_UnsupportedQuery", "Unsupported Query")]
    [InlineData("$top=1000", "Request_BadRequest", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")]
    [InlineData("$select=id,shoeSize", "Request_BadRequest", "Could not find a property named 'shoeSize'")]
    public async Task Bad_queries_are_Graph_errors(string query, string code, string message)
    {
        await using var host = Sandboxes.InMemory();
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            Sandboxes.Graph(host).Users.WithUrl($"{host.Endpoints.GraphBaseUrl}/users?{query}").GetAsync());
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal(code, error.Error!.Code);
        Assert.Contains(message, error.Error.Message);
    }
}
