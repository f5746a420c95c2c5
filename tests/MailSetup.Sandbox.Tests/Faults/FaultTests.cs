using System.Diagnostics;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Tests.Support;
using MailSetup.Testing;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Faults;

public sealed class FaultTests
{
    [Fact]
    public async Task Too_many_requests_hits_the_chosen_calls_with_retry_after_and_a_Graph_body()
    {
        await using var host = Sandboxes.InMemory();
        var rule = host.Faults.Add(FaultMatch.ExactPath("GET", "/v1.0/organization"), SandboxFault.TooManyRequests(3), FaultOccurrences.Calls(1, 2));
        using var http = Sandboxes.Http(host);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++) answers.Add(await http.GetAsync("v1.0/organization"));

        Assert.Equal([429, 429, 200], answers.Select(a => (int)a.StatusCode).ToArray());
        Assert.Equal(TimeSpan.FromSeconds(3), answers[0].Headers.RetryAfter?.Delta);
        var error = JsonNode.Parse(await answers[0].Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("TooManyRequests", error["code"]!.GetValue<string>());
        Assert.NotNull(error["innerError"]!["request-id"]);
        Assert.Equal((3, 2), (rule.Matched, rule.Fired));
        Assert.Equal([SandboxFaultKind.TooManyRequests, SandboxFaultKind.TooManyRequests, null],
            host.Requests.Snapshot().Select(r => r.Fault).ToArray());
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task The_Graph_SDKs_retry_handler_waits_out_a_throttle()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.ExactPath("POST", "/v1.0/applications"), SandboxFault.TooManyRequests(1), FaultOccurrences.Next(1));

        var app = await Sandboxes.Graph(host).Applications.PostAsync(new Application { DisplayName = "Patient" });

        Assert.Equal("Patient", app!.DisplayName);
        Assert.Equal([429, 201], host.Requests.Snapshot().Select(r => r.Status ?? 0).ToArray());
        Assert.Single(host.Tenant.Read(s => s.Applications.Where(a => a.DisplayName == "Patient").ToList()));
    }

    [Fact]
    public async Task Service_unavailable_is_an_OData_error_for_the_SDK()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.PathPrefix(null, "/v1.0/servicePrincipals"), SandboxFault.ServiceUnavailable(2));

        var error = await Assert.ThrowsAsync<ODataError>(() => Sandboxes.Graph(host, bare: true).ServicePrincipals.GetAsync());

        Assert.Equal(503, error.ResponseStatusCode);
        Assert.Equal("serviceNotAvailable", error.Error!.Code);
        Assert.NotNull(await Sandboxes.Graph(host, bare: true).Organization.GetAsync()); // other paths are untouched
    }

    [Fact]
    public async Task Latency_delays_the_answer_but_not_its_content()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.PathPattern("GET", "^/v1\\.0/users$"), SandboxFault.Latency(TimeSpan.FromMilliseconds(300)));
        var graph = Sandboxes.Graph(host, bare: true);

        var watch = Stopwatch.StartNew();
        var users = await graph.Users.GetAsync(r => r.QueryParameters.Top = 3);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"answered after {watch.Elapsed}");
        Assert.Equal(3, users!.Value!.Count);
        Assert.Equal(SandboxFaultKind.Latency, host.Requests.Snapshot().Single().Fault);
    }

    [Fact]
    public async Task A_timeout_holds_the_request_until_the_client_gives_up()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.Any, SandboxFault.Timeout());
        using var http = Sandboxes.Http(host);
        http.Timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetAsync("v1.0/organization"));
    }

    [Fact]
    public async Task A_timeout_with_a_hold_time_answers_gateway_timeout()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.Any, SandboxFault.Timeout(TimeSpan.FromMilliseconds(200)), FaultOccurrences.Next(1));
        using var http = Sandboxes.Http(host);

        using var held = await http.GetAsync("v1.0/organization");
        using var next = await http.GetAsync("v1.0/organization");

        Assert.Equal(504, (int)held.StatusCode);
        Assert.Equal(200, (int)next.StatusCode);
    }

    [Fact]
    public async Task A_connection_reset_leaves_the_client_without_an_answer()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.Cmdlet("New-ServicePrincipal"), SandboxFault.ConnectionReset(), FaultOccurrences.Next(1));
        var exchange = new ExchangeClient(host);
        var parameters = new { AppId = Guid.NewGuid().ToString(), ObjectId = Guid.NewGuid().ToString() };

        var reset = await Record.ExceptionAsync(() => exchange.InvokeAsync("New-ServicePrincipal", parameters));
        Assert.True(reset is HttpRequestException or IOException, $"got {reset}");
        Assert.Empty(host.Tenant.Read(s => s.Exchange.ServicePrincipals.Where(sp => sp.AppId == parameters.AppId).ToList()));

        Assert.Equal(200, (await exchange.InvokeAsync("New-ServicePrincipal", parameters)).Status);
        var log = host.Requests.Snapshot();
        Assert.Equal(SandboxFaultKind.ConnectionReset, log[0].Fault);
        Assert.Equal("New-ServicePrincipal", log[0].CmdletName);
    }

    [Fact]
    public async Task Cmdlet_rules_touch_only_that_cmdlet()
    {
        await using var host = Sandboxes.InMemory();
        host.Faults.Add(FaultMatch.Cmdlet("Add-MailboxPermission"), SandboxFault.ServiceUnavailable());
        var exchange = new ExchangeClient(host);

        Assert.Equal(503,
            (await exchange.InvokeAsync("Add-MailboxPermission", new { Identity = "support", User = "admin", AccessRights = "FullAccess" })).Status);
        Assert.Equal(200, (await exchange.InvokeAsync("Get-TransportConfig")).Status);
    }

    [Fact]
    public async Task Replication_delay_hides_a_new_object_from_other_calls_for_a_while()
    {
        var clock = new TestClock(TestClock.Default.GetUtcNow());
        await using var host = Sandboxes.InMemory(Sandboxes.Tenant(clock));
        host.Faults.Add(FaultMatch.Any, SandboxFault.ReplicationDelay(TimeSpan.FromSeconds(10)));
        var graph = Sandboxes.Graph(host, bare: true);

        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Not everywhere yet" });
        var read = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[app!.Id].GetAsync());
        var sp = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId }));

        Assert.Equal(404, read.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", read.Error!.Code);
        Assert.Contains(app!.Id!, read.Error.Message);
        Assert.Equal(404, sp.ResponseStatusCode);
        Assert.Contains((await graph.Applications.GetAsync())!.Value!, a => a.Id == app.Id); // a list is not a read by id

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(app.Id, (await graph.Applications[app.Id].GetAsync())!.Id);
        Assert.NotNull(await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app.AppId }));
        Assert.Single(host.Tenant.Read(s => s.ServicePrincipals.Where(p => p.AppId == app.AppId).ToList()));
    }

    [Fact]
    public async Task Replication_delay_can_hit_only_the_first_read_after_a_create()
    {
        await using var host = Sandboxes.InMemory(Sandboxes.Tenant(new TestClock(TestClock.Default.GetUtcNow())));
        host.Faults.Add(FaultMatch.Any, SandboxFault.ReplicationDelay(TimeSpan.FromMinutes(1)), FaultOccurrences.Next(1));
        var graph = Sandboxes.Graph(host, bare: true);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Nearly there" });

        await Assert.ThrowsAsync<ODataError>(() => graph.Applications[app!.Id].GetAsync());
        Assert.NotNull(await graph.Applications[app!.Id].GetAsync());
    }

    [Fact]
    public async Task Rules_change_while_the_host_runs()
    {
        await using var host = Sandboxes.InMemory();
        using var http = Sandboxes.Http(host);
        var rule = host.Faults.Add(FaultMatch.Any, SandboxFault.ServiceUnavailable());
        using (var down = await http.GetAsync("v1.0/domains")) Assert.Equal(503, (int)down.StatusCode);

        Assert.True(host.Faults.Remove(rule));
        using (var up = await http.GetAsync("v1.0/domains")) Assert.Equal(200, (int)up.StatusCode);
        host.Faults.Add(FaultMatch.ExactPath("DELETE", "/v1.0/domains"), SandboxFault.ServiceUnavailable());
        host.Faults.Clear();
        Assert.Empty(host.Faults.Rules);
    }
}
