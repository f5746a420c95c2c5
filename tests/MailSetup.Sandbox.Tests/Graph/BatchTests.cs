using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Sandbox.Tests.Graph;

public sealed class BatchTests
{
    [Fact]
    public async Task Batch_runs_each_request_through_the_same_endpoints()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var batch = new BatchRequestContentCollection(graph);
        var users = await batch.AddBatchRequestStepAsync(graph.Users.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = "startswith(displayName,'Alex V')";
            r.QueryParameters.Select = ["id", "displayName"];
        }));
        var create =
            await batch.AddBatchRequestStepAsync(graph.Applications.ToPostRequestInformation(new Application { DisplayName = "From a batch" }));
        var missing = await batch.AddBatchRequestStepAsync(graph.Applications[Guid.NewGuid().ToString()].ToGetRequestInformation());

        var responses = await graph.Batch.PostAsync(batch);

        var found = await responses.GetResponseByIdAsync<UserCollectionResponse>(users);
        Assert.Equal("Alex Vance", Assert.Single(found.Value!).DisplayName);
        var app = await responses.GetResponseByIdAsync<Application>(create);
        Assert.Equal("From a batch", app.DisplayName);
        Assert.Single(host.Tenant.Read(s => s.Applications.Where(a => a.Id == app.Id).ToList()));
        var statuses = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, statuses[missing]);
        // The SDK reports a failed batch item as a ServiceException carrying the item's ODataError body.
        var error = await Assert.ThrowsAsync<ServiceException>(() => responses.GetResponseByIdAsync<Application>(missing));
        Assert.Equal(404, error.ResponseStatusCode);
        Assert.Contains("\"code\":\"Request_ResourceNotFound\"", error.RawResponseBody);

        var log = host.Requests.Snapshot();
        Assert.Single(log, r => !r.ViaBatch && r.Path == "/v1.0/$batch");
        Assert.Equal(3, log.Count(r => r.ViaBatch));
        Assert.Contains(log,
            r => r.ViaBatch && r.Method == "POST" && r.Path == "/v1.0/applications" && r.Body.Contains("From a batch") && r.Status == 201);
    }

    [Fact]
    public async Task A_throttled_item_is_answered_inside_the_batch()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.ExactPath("GET", "/v1.0/organization"), SandboxFault.TooManyRequests(7), FaultOccurrences.Next(1));
        var graph = Sandboxes.Graph(host);
        var batch = new BatchRequestContentCollection(graph);
        var organization = await batch.AddBatchRequestStepAsync(graph.Organization.ToGetRequestInformation());
        var domains = await batch.AddBatchRequestStepAsync(graph.Domains.ToGetRequestInformation());

        var responses = await graph.Batch.PostAsync(batch);

        var statuses = await responses.GetResponsesStatusCodesAsync();
        Assert.Equal((System.Net.HttpStatusCode)429, statuses[organization]);
        Assert.Equal(System.Net.HttpStatusCode.OK, statuses[domains]);
        using var throttled = await responses.GetResponseByIdAsync(organization);
        Assert.Equal("7", throttled.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task A_batch_of_more_than_twenty_is_refused()
    {
        await using var host = Sandboxes.InMemory();
        using var http = Sandboxes.Http(host);
        var requests = string.Join(",", Enumerable.Range(1, 21).Select(i => "{\"id\":\"" + i + "\",\"method\":\"GET\",\"url\":\"/organization\"}"));
        using var response =
            await http.PostAsync("v1.0/$batch",
                new StringContent("{\"requests\":[" + requests + "]}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("less than or equal to 20", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_whose_dependency_failed_is_not_run()
    {
        await using var host = Sandboxes.InMemory();
        using var http = Sandboxes.Http(host);
        var body = $$$"""
            {"requests":[
              {"id":"1","method":"GET","url":"/applications/{{{Guid.NewGuid()}}}"},
              {"id":"2","method":"POST","url":"/applications","dependsOn":["1"],
               "body":{"displayName":"never"},"headers":{"Content-Type":"application/json"}}
            ]}
            """;
        using var response = await http.PostAsync("v1.0/$batch", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var answers = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["responses"]!.AsArray();
        Assert.Equal([404, 424], answers.Select(a => (int)a!["status"]!).ToArray());
        Assert.DoesNotContain(host.Tenant.Read(s => s.Applications.ToList()), a => a.DisplayName == "never");
    }
}
