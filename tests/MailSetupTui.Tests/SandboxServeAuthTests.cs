using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Cli;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary>
/// <c>mailsetup sandbox serve</c> over real HTTPS on loopback lets in only whom it should: Graph and the
/// Exchange admin API take the sandbox's own tokens for them with a permission for the call, and device
/// codes are approved only with the approval secret from the JSON line.
/// </summary>
public sealed class SandboxServeAuthTests
{
    private const string Admin = "admin@contoso.onmicrosoft.com";
    private const string GraphScope = "https://graph.microsoft.com/.default";
    private const string ExchangeScope = "https://outlook.office365.com/.default";

    [Fact]
    public async Task Served_Graph_and_Exchange_refuse_missing_made_up_forged_and_misaddressed_tokens_with_401()
    {
        await using var served = await Served.StartAsync();
        var (graphToken, exchangeToken) = await served.AdminTokensAsync();
        using var otherKey = RSA.Create(2048);

        foreach (var (token, why) in new (string?, string)[]
                 {
                     (null, "Access token is empty."),
                     ("any", "JWT is not well formed"),
                     (Forge(graphToken, otherKey), "Invalid signature"),
                     (exchangeToken, "Invalid audience"),
                 })
        {
            var graph = await served.GraphAsync(token);
            Assert.True(graph.Status == HttpStatusCode.Unauthorized, $"Graph with {why}: {graph.Status} {graph.Body}");
            Assert.StartsWith("Bearer ", graph.Challenge);
            Assert.Equal("InvalidAuthenticationToken", ErrorCode(graph.Body));
            Assert.Contains(why, graph.Body);
        }
        foreach (var (token, why) in new (string?, string)[]
                 {
                     (null, "Access token is empty."),
                     ("any", "JWT is not well formed"),
                     (Forge(exchangeToken, otherKey), "Invalid signature"),
                     (graphToken, "Invalid audience"),
                 })
        {
            var exchange = await served.ExchangeAsync(token);
            Assert.True(exchange.Status == HttpStatusCode.Unauthorized, $"Exchange with {why}: {exchange.Status} {exchange.Body}");
            Assert.StartsWith("Bearer ", exchange.Challenge);
            Assert.Equal("InvalidAuthenticationToken", ErrorCode(exchange.Body));
            Assert.Contains(why, exchange.Body);
        }

        // The admin's own tokens still work, each for its API.
        Assert.Equal(HttpStatusCode.OK, (await served.GraphAsync(graphToken)).Status);
        var transport = await served.ExchangeAsync(exchangeToken);
        Assert.True(transport.Status == HttpStatusCode.OK, transport.Body);
        await served.StopAsync();
    }

    [Fact]
    public async Task Served_APIs_answer_403_to_a_sandbox_token_without_the_permission_they_need()
    {
        await using var served = await Served.StartAsync();
        var (adminGraph, _) = await served.AdminTokensAsync();
        // An app made by the admin, with a secret and an enterprise app but no permission consented.
        var app = await served.PostGraphAsync(adminGraph, "applications", new JsonObject { ["displayName"] = "No Permissions" });
        var secret = await served.PostGraphAsync(adminGraph, $"applications/{app["id"]}/addPassword",
            new JsonObject { ["passwordCredential"] = new JsonObject { ["displayName"] = "test" } });
        await served.PostGraphAsync(adminGraph, "servicePrincipals", new JsonObject { ["appId"] = app["appId"]!.GetValue<string>() });
        var client = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = app["appId"]!.GetValue<string>(),
            ["client_secret"] = secret["secretText"]!.GetValue<string>(),
        };
        var graphToken = (await served.TokenAsync(new(client) { ["scope"] = GraphScope }))["access_token"]!.GetValue<string>();
        var exchangeToken = (await served.TokenAsync(new(client) { ["scope"] = ExchangeScope }))["access_token"]!.GetValue<string>();

        var graph = await served.GraphAsync(graphToken);
        var write = await served.SendAsync(HttpMethod.Post, "v1.0/applications", graphToken, new JsonObject { ["displayName"] = "Sneaky" });
        var exchange = await served.ExchangeAsync(exchangeToken);

        Assert.True(graph.Status == HttpStatusCode.Forbidden, graph.Body);
        Assert.Equal("Authorization_RequestDenied", ErrorCode(graph.Body));
        Assert.Contains("Insufficient privileges to complete the operation.", graph.Body);
        Assert.True(write.Status == HttpStatusCode.Forbidden, write.Body);
        Assert.True(exchange.Status == HttpStatusCode.Forbidden, exchange.Body);
        Assert.Contains("Exchange.ManageAsApp", exchange.Body);
        var names = await served.SendAsync(HttpMethod.Get, "v1.0/applications?$select=displayName", adminGraph);
        Assert.DoesNotContain("Sneaky", names.Body);
        await served.StopAsync();
    }

    [Fact]
    public async Task An_approval_secret_chosen_in_a_file_is_the_one_served_and_no_other_approves()
    {
        using var folder = new TempFolder();
        var chosen = DeviceSecretLike();
        var file = folder.Write("approval.txt", chosen + "\n");
        await using var served = await Served.StartAsync("--approval-secret-file", file);
        var (deviceCode, userCode) = await served.StartDeviceCodeAsync(GraphScope);

        var wrong = await served.ApproveAsync(userCode, DeviceSecretLike());
        var right = await served.ApproveAsync(userCode, chosen);

        Assert.Equal(chosen, served.Json["approvalSecret"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.True(right.Status == HttpStatusCode.OK, right.Body);
        Assert.NotNull((await served.RedeemAsync(deviceCode))["access_token"]);
        await served.StopAsync();
        Assert.DoesNotContain(chosen, served.Errors);
    }

    [Theory]
    [InlineData("short\n")]
    [InlineData("")]
    [InlineData("with a space in the middle of it\n")]
    public async Task An_approval_secret_file_that_is_too_short_empty_or_spaced_is_exit_2_naming_the_option(string content)
    {
        using var folder = new TempFolder();
        var file = folder.Write("approval.txt", content);

        var result = await CliRunner.RunAsync(["sandbox", "serve", "--approval-secret-file", file]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mailsetup: error: --approval-secret-file:", result.Stderr);
        Assert.Equal("", result.Stdout);
        if (content.Length > 6) Assert.DoesNotContain(content.Trim(), result.Stderr);
    }

    [Fact]
    public async Task Served_device_code_approval_needs_the_printed_secret_which_goes_nowhere_else()
    {
        await using var served = await Served.StartAsync();
        var secret = served.Json["approvalSecret"]!.GetValue<string>();
        Assert.True(secret.Length >= 32, secret);
        Assert.Equal(served.Json["baseAddress"]!.GetValue<string>() + "/sandbox/devicecode/approve",
            served.Json["deviceCodeApprovalUrl"]!.GetValue<string>());
        var (deviceCode, userCode) = await served.StartDeviceCodeAsync(GraphScope);

        var without = await served.ApproveAsync(userCode, approvalSecret: null);
        var wrong = await served.ApproveAsync(userCode, approvalSecret: DeviceSecretLike());
        var pending = await served.RedeemAsync(deviceCode);
        var with = await served.ApproveAsync(userCode, secret);
        var signedIn = await served.RedeemAsync(deviceCode);

        Assert.Equal(HttpStatusCode.Unauthorized, without.Status);
        Assert.Contains("access_denied", without.Body);
        Assert.Contains("approval secret", without.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("authorization_pending", pending["error"]!.GetValue<string>());
        Assert.True(with.Status == HttpStatusCode.OK, with.Body);
        Assert.NotNull(signedIn["access_token"]);
        await served.StopAsync();
        Assert.DoesNotContain(secret, served.Errors);
        Assert.Single(served.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Served_listeners_stay_on_loopback_by_default()
    {
        await using var served = await Served.StartAsync();

        Assert.StartsWith("https://127.0.0.1:", served.Json["baseAddress"]!.GetValue<string>());
        foreach (var protocol in new[] { "imap", "pop", "smtp" })
            Assert.Equal("127.0.0.1", served.Json["mail"]![protocol]!["host"]!.GetValue<string>());
        await served.StopAsync();
        Assert.DoesNotContain("warning", served.Errors);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("localhost")]
    [InlineData("127.1")]
    [InlineData("999.0.0.1")]
    [InlineData("")]
    public async Task Serve_refuses_a_listen_value_that_is_not_an_IP_address_with_exit_two(string value)
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("sandbox-tenant.json"));
        await using var services = TestServices.Collection(folder.Path).BuildServiceProvider();

        var result = await CliRunner.RunAsync(ToolServices.From(services), ["sandbox", "serve", "--listen", value]);

        CliAssert.UsageError(result, "--listen", $"'{value}' is not an IP address", command: "mailsetup sandbox serve");
        Assert.False(File.Exists(store.Path));
    }

    [Fact]
    public async Task Serve_warns_before_listening_anywhere_but_loopback()
    {
        using var folder = new TempFolder();
        await using var services = TestServices.Collection(folder.Path).BuildServiceProvider();

        // 192.0.2.1 (TEST-NET-1) is on no machine: the warning comes first, then the bind fails and nothing listens.
        var result = await CliRunner.RunAsync(ToolServices.From(services), ["sandbox", "serve", "--listen", "192.0.2.1"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("mailsetup: warning: --listen 192.0.2.1 is not loopback", result.ErrorLines[0]);
        Assert.True(result.Stderr.Contains("cannot listen on 192.0.2.1", StringComparison.Ordinal), result.ToString());
        Assert.Empty(result.Stdout);
    }

    /// <summary>A token with the same header and claims, signed by another key.</summary>
    private static string Forge(string token, RSA key)
    {
        var parts = token.Split('.');
        var signed = parts[0] + "." + parts[1];
        var signature = key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url.EncodeToString(signature);
    }

    private static string DeviceSecretLike() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string? ErrorCode(string body) => JsonNode.Parse(body)?["error"]?["code"]?.GetValue<string>();

    private sealed record Answer(HttpStatusCode Status, string Body, string Challenge);

    /// <summary><c>sandbox serve</c> in process on real sockets, with a client that trusts exactly its certificate.</summary>
    private sealed class Served : IAsyncDisposable
    {
        private readonly TempFolder _folder;
        private readonly ServiceProvider _services;
        private readonly SandboxCommandTests.LineSignallingWriter _output;
        private readonly StringWriter _error;
        private readonly CancellationTokenSource _stop;
        private readonly Task<int> _run;
        private readonly HttpClient _http;

        private Served(TempFolder folder, ServiceProvider services, SandboxCommandTests.LineSignallingWriter output, StringWriter error,
            CancellationTokenSource stop, Task<int> run, JsonObject json)
        {
            (_folder, _services, _output, _error, _stop, _run, Json) = (folder, services, output, error, stop, run, json);
            var certificate = X509Certificate2.CreateFromPem(json["certificatePem"]!.GetValue<string>());
            _http = new HttpClient(new SocketsHttpHandler
            {
                SslOptions =
                {
                    RemoteCertificateValidationCallback = (_, presented, _, _) =>
                        presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData),
                },
            }) { BaseAddress = new Uri(json["baseAddress"]!.GetValue<string>() + "/") };
        }

        public JsonObject Json { get; }
        public string Errors => _error.ToString();
        public string Output => _output.ToString();

        public static async Task<Served> StartAsync(params string[] more)
        {
            var folder = new TempFolder();
            var services = TestServices.Collection(folder.Path).BuildServiceProvider();
            var output = new SandboxCommandTests.LineSignallingWriter();
            var error = new StringWriter();
            var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var run = new CliApp(ToolServices.From(services), output, TextWriter.Synchronized(error))
                .InvokeAsync(["sandbox", "serve", "--mailboxes", "2", .. more], stop.Token);
            var line = await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));
            return new Served(folder, services, output, error, stop, run, JsonNode.Parse(line)!.AsObject());
        }

        /// <summary>The admin's Graph and Exchange tokens by device code (approved with the secret) and a refresh token.</summary>
        public async Task<(string Graph, string Exchange)> AdminTokensAsync()
        {
            var (deviceCode, userCode) = await StartDeviceCodeAsync(GraphScope + " offline_access");
            var approved = await ApproveAsync(userCode, Json["approvalSecret"]!.GetValue<string>());
            Assert.True(approved.Status == HttpStatusCode.OK, approved.Body);
            var graph = await RedeemAsync(deviceCode);
            var exchange = await TokenAsync(new()
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = SandboxAdminClient.AppId,
                ["refresh_token"] = graph["refresh_token"]!.GetValue<string>(),
                ["scope"] = ExchangeScope + " offline_access",
            });
            return (graph["access_token"]!.GetValue<string>(), exchange["access_token"]!.GetValue<string>());
        }

        public async Task<(string DeviceCode, string UserCode)> StartDeviceCodeAsync(string scope)
        {
            using var answer = await _http.PostAsync(Json["deviceCodeEndpoint"]!.GetValue<string>(),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = SandboxAdminClient.AppId, ["scope"] = scope }));
            var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
            return (body["device_code"]!.GetValue<string>(), body["user_code"]!.GetValue<string>());
        }

        public async Task<(HttpStatusCode Status, string Body)> ApproveAsync(string userCode, string? approvalSecret)
        {
            var form = new Dictionary<string, string> { ["user_code"] = userCode, ["username"] = Admin };
            if (approvalSecret is not null) form["approval_secret"] = approvalSecret;
            using var answer = await _http.PostAsync("sandbox/devicecode/approve", new FormUrlEncodedContent(form));
            return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
        }

        public Task<JsonObject> RedeemAsync(string deviceCode) => TokenAsync(new()
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
            ["client_id"] = SandboxAdminClient.AppId,
            ["device_code"] = deviceCode,
        });

        public async Task<JsonObject> TokenAsync(Dictionary<string, string> form)
        {
            using var answer = await _http.PostAsync(Json["tokenEndpoint"]!.GetValue<string>(), new FormUrlEncodedContent(form));
            return JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        }

        public Task<Answer> GraphAsync(string? token) => SendAsync(HttpMethod.Get, "v1.0/organization", token);

        public Task<Answer> ExchangeAsync(string? token) =>
            SendAsync(HttpMethod.Post, Json["exchangeAdminApiUrl"]!.GetValue<string>(), token,
                new JsonObject { ["CmdletInput"] = new JsonObject { ["CmdletName"] = "Get-TransportConfig", ["Parameters"] = new JsonObject() } });

        public async Task<JsonObject> PostGraphAsync(string token, string path, JsonObject body)
        {
            var (status, text, _) = await SendAsync(HttpMethod.Post, "v1.0/" + path, token, body);
            Assert.True((int)status < 300, $"{path}: {status} {text}");
            return JsonNode.Parse(text)!.AsObject();
        }

        public async Task<Answer> SendAsync(HttpMethod method, string url, string? token, JsonObject? body = null)
        {
            using var request = new HttpRequestMessage(method, url);
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var answer = await _http.SendAsync(request);
            return new(answer.StatusCode, await answer.Content.ReadAsStringAsync(), answer.Headers.WwwAuthenticate.ToString());
        }

        /// <summary>Stops the command as Ctrl+C would and checks it ended well.</summary>
        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            Assert.Equal(0, await _run);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_run.IsCompleted)
            {
                await _stop.CancelAsync();
                await _run;
            }
            _http.Dispose();
            _stop.Dispose();
            _error.Dispose();
            _output.Dispose();
            await _services.DisposeAsync();
            _folder.Dispose();
        }
    }
}
