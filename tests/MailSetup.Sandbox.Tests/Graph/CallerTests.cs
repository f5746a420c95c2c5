using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Graph;

public sealed class CallerTests
{
    [Fact]
    public async Task A_request_without_a_bearer_token_is_unauthorized()
    {
        await using var host = Sandboxes.InMemory();
        using var http = host.CreateClient();
        using var response = await http.GetAsync("v1.0/organization");
        Assert.Equal(401, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"InvalidAuthenticationToken\"", body);
        Assert.Contains("Access token is empty.", body);
    }

    private sealed class ReadOnlyCallers : ISandboxCallerValidator
    {
        public CallerRejection? Check(SandboxApi api, string bearerToken, HttpRequest request) =>
            request.Method == "GET"
                ? null
                : new CallerRejection(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
    }

    [Fact]
    public async Task The_caller_check_can_be_tightened_in_one_place()
    {
        await using var host = Sandboxes.InMemory(options: new SandboxHostOptions
        {
            ConfigureServices = services => services.AddSingleton<ISandboxCallerValidator, ReadOnlyCallers>(),
        });
        var graph = Sandboxes.Graph(host);

        Assert.NotNull(await graph.Organization.GetAsync());
        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Applications.PostAsync(new() { DisplayName = "Denied" }));
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
        var exchange = await new ExchangeClient(host).InvokeAsync("Get-TransportConfig");
        Assert.Equal(403, exchange.Status);
    }

    [Fact]
    public async Task An_unknown_segment_is_named_in_the_error()
    {
        await using var host = Sandboxes.InMemory();
        var error = await Assert.ThrowsAsync<ODataError>(() =>
            Sandboxes.Graph(host).Applications.WithUrl(host.Endpoints.GraphBaseUrl + "/applicationz").GetAsync());
        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("BadRequest", error.Error!.Code);
        Assert.Equal("Resource not found for the segment 'applicationz'.", error.Error.Message);
    }
}
