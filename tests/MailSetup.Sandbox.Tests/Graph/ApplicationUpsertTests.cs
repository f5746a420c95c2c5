using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Graph;

/// <summary>Graph's upsert of an application by its client-provided key, through the real Graph SDK over HTTP.</summary>
public sealed class ApplicationUpsertTests
{
    private const string Key = "mailsetup-relay-1a2b3c4d";

    [Fact]
    public async Task Upsert_with_create_if_missing_creates_the_app_with_its_unique_name_and_answers_201()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);

        var created = await graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { DisplayName = "Relay" },
            c => c.Headers.Add("Prefer", "create-if-missing"));

        Assert.NotNull(created);
        Assert.Equal(Key, created.UniqueName);
        Assert.Equal("Relay", created.DisplayName);
        var read = await graph.ApplicationsWithUniqueName(Key).GetAsync(c => c.QueryParameters.Select = ["id", "uniqueName"]);
        Assert.Equal(created.Id, read!.Id);
        var filtered = await graph.Applications.GetAsync(c => c.QueryParameters.Filter = $"uniqueName eq '{Key}'");
        Assert.Equal(created.Id, Assert.Single(filtered!.Value!).Id);
    }

    [Fact]
    public async Task Upsert_of_an_existing_unique_name_updates_that_app_and_answers_204_without_a_body()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var created = await graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { DisplayName = "Relay" },
            c => c.Headers.Add("Prefer", "create-if-missing"));
        var countBefore = (await graph.Applications.GetAsync())!.Value!.Count;

        var updated = await graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { DisplayName = "Relay (renamed)" },
            c => c.Headers.Add("Prefer", "create-if-missing"));

        Assert.Null(updated); // 204 No Content
        Assert.Equal(countBefore, (await graph.Applications.GetAsync())!.Value!.Count);
        Assert.Equal("Relay (renamed)", (await graph.Applications[created!.Id].GetAsync())!.DisplayName);
    }

    [Fact]
    public async Task Upsert_without_the_prefer_header_of_a_missing_unique_name_is_404_and_creates_nothing()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var countBefore = (await graph.Applications.GetAsync())!.Value!.Count;

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { DisplayName = "Relay" }));

        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Equal(countBefore, (await graph.Applications.GetAsync())!.Value!.Count);
        var read = await Assert.ThrowsAsync<ODataError>(() => graph.ApplicationsWithUniqueName(Key).GetAsync());
        Assert.Equal(404, read.ResponseStatusCode);
    }

    [Fact]
    public async Task A_second_app_with_a_unique_name_already_taken_is_refused_and_the_key_cannot_change()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var first = await graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { DisplayName = "Relay" },
            c => c.Headers.Add("Prefer", "create-if-missing"));

        var duplicate = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Applications.PostAsync(new Application { DisplayName = "Other", UniqueName = Key }));
        var changed = await Assert.ThrowsAsync<ODataError>(() =>
            graph.Applications[first!.Id].PatchAsync(new Application { UniqueName = "another-key" }));

        Assert.Equal(409, duplicate.ResponseStatusCode);
        Assert.Contains("uniqueName", duplicate.Error!.Message);
        Assert.Equal(400, changed.ResponseStatusCode);
        Assert.Equal(Key, (await graph.Applications[first!.Id].GetAsync())!.UniqueName);
    }

    [Fact]
    public async Task Upsert_without_a_display_name_creates_nothing()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);

        var error = await Assert.ThrowsAsync<ODataError>(() =>
            graph.ApplicationsWithUniqueName(Key).PatchAsync(new Application { SignInAudience = "AzureADMyOrg" },
                c => c.Headers.Add("Prefer", "create-if-missing")));

        Assert.Equal(400, error.ResponseStatusCode);
        await Assert.ThrowsAsync<ODataError>(() => graph.ApplicationsWithUniqueName(Key).GetAsync());
    }
}
