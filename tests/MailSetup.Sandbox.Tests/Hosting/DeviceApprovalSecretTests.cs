using System.Net;
using System.Text.Json.Nodes;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Hosting;

/// <summary>On Kestrel, approving a device code over HTTP takes the host's approval secret, which never reaches the request log.</summary>
public sealed class DeviceApprovalSecretTests
{
    private const string Admin = "admin@contoso.onmicrosoft.com";

    [Fact]
    public async Task A_host_on_sockets_approves_device_codes_only_with_its_secret_and_keeps_the_secret_out_of_its_log()
    {
        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant(TimeProvider.System, mailboxes: 1));
        var secret = host.DeviceApprovalSecret!;
        using var client = host.CreateClient();
        var codes = new SandboxDeviceCodes(host.Tenant);
        var userCode = await StartAsync(client, host);

        using var without = await Approve(client, userCode, secret: null);
        using var wrong = await Approve(client, userCode, secret: DeviceApprovalSecrets.New());
        var stillPending = !Assert.Single(codes.Pending()).Approved;
        using var inForm = await Approve(client, userCode, secret);
        var second = await StartAsync(client, host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "sandbox/devicecode/approve")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["user_code"] = second, ["username"] = Admin }),
        };
        request.Headers.Add(DeviceApprovalSecrets.HeaderName, secret);
        using var inHeader = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal("access_denied", JsonNode.Parse(await without.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(stillPending);
        Assert.Equal(HttpStatusCode.OK, inForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inHeader.StatusCode);
        Assert.All(codes.Pending(), c => Assert.True(c.Approved));
        var logged = host.Requests.Snapshot().Where(r => r.Path == "/sandbox/devicecode/approve").ToList();
        Assert.Equal(4, logged.Count);
        Assert.All(logged, r =>
        {
            Assert.DoesNotContain(secret, r.Body);
            Assert.DoesNotContain(r.Headers, h => h.Value.Contains(secret, StringComparison.Ordinal));
        });
        Assert.Contains("[approval secret]", logged[2].Body);
    }

    [Fact]
    public async Task Each_host_on_sockets_makes_its_own_secret_unless_given_one()
    {
        await using var first = await SandboxHost.StartAsync(Sandboxes.Tenant(mailboxes: 0));
        await using var second = await SandboxHost.StartAsync(Sandboxes.Tenant(mailboxes: 0));
        await using var given = await SandboxHost.StartAsync(Sandboxes.Tenant(mailboxes: 0),
            new SandboxHostOptions { DeviceApprovalSecret = "a-secret-the-caller-chose" });
        await using var inMemory = Sandboxes.InMemory(Sandboxes.Tenant(mailboxes: 0));

        Assert.True(first.DeviceApprovalSecret!.Length >= 43);
        Assert.NotEqual(first.DeviceApprovalSecret, second.DeviceApprovalSecret);
        Assert.Equal("a-secret-the-caller-chose", given.DeviceApprovalSecret);
        Assert.Null(inMemory.DeviceApprovalSecret);
    }

    private static async Task<string> StartAsync(HttpClient client, SandboxHost host)
    {
        using var answer = await client.PostAsync(host.Endpoints.DeviceCodeEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["client_id"] = AdminClient.DefaultClientId,
            ["scope"] = "https://graph.microsoft.com/.default",
        }));
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        return body["user_code"]?.GetValue<string>() ?? throw new InvalidOperationException(body.ToJsonString());
    }

    private static Task<HttpResponseMessage> Approve(HttpClient client, string userCode, string? secret)
    {
        var form = new Dictionary<string, string> { ["user_code"] = userCode, ["username"] = Admin };
        if (secret is not null) form[DeviceApprovalSecrets.FieldName] = secret;
        return client.PostAsync("sandbox/devicecode/approve", new FormUrlEncodedContent(form));
    }
}
