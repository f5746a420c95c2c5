using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;

namespace MailSetup.Sandbox.Tests.Support;

/// <summary>Calls the sandbox's Exchange admin API the way the v3 module does, following @odata.nextLink.</summary>
public sealed class ExchangeClient(SandboxHost host, int? pageSize = null)
{
    /// <summary>Property names as written (PascalCase), as the ExchangeOnlineManagement module sends them.</summary>
    private static readonly JsonSerializerOptions PascalCase = new();

    private readonly HttpClient _http = Sandboxes.Http(host);

    public sealed record Answer(int Status, JsonObject Body)
    {
        public JsonArray Value => Body["value"]!.AsArray();
        public string? ErrorCode => Body["error"]?["code"]?.GetValue<string>();
        public string? ErrorMessage => Body["error"]?["message"]?.GetValue<string>();
    }

    /// <summary>One call (one page).</summary>
    public async Task<Answer> InvokeAsync(string cmdlet, object? parameters = null, string? url = null)
    {
        var body = new { CmdletInput = new { CmdletName = cmdlet, Parameters = parameters ?? new { } } };
        using var request =
            new HttpRequestMessage(HttpMethod.Post,
                url ?? host.Endpoints.ExchangeAdminApiUrl) { Content = JsonContent.Create(body, options: PascalCase) };
        if (pageSize is { } size) request.Headers.Add("Prefer", $"odata.maxpagesize={size}");
        using var response = await _http.SendAsync(request);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return new Answer((int)response.StatusCode, json);
    }

    /// <summary>Every output object, page after page; fails on an error.</summary>
    public async Task<List<JsonObject>> AllAsync(string cmdlet, object? parameters = null)
    {
        var all = new List<JsonObject>();
        string? next = null;
        do
        {
            var answer = await InvokeAsync(cmdlet, parameters, next);
            Assert.True(answer.Status == 200, answer.Body.ToJsonString());
            all.AddRange(answer.Value.Select(v => v!.AsObject()));
            next = answer.Body["@odata.nextLink"]?.GetValue<string>();
        } while (next is not null);
        return all;
    }

    /// <summary>The call must succeed; its output objects.</summary>
    public async Task<List<JsonObject>> RunAsync(string cmdlet, object? parameters = null)
    {
        var answer = await InvokeAsync(cmdlet, parameters);
        Assert.True(answer.Status == 200, $"{cmdlet}: {answer.Body.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        return answer.Value.Select(v => v!.AsObject()).ToList();
    }
}
