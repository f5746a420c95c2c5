using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailSetup.Core.Exchange;

namespace MailSetup.Core.Execution;

/// <summary>
/// Runs cmdlets through Exchange's admin API (<c>/adminapi/beta/{tenant}/InvokeCommand</c>), the REST
/// endpoint the ExchangeOnlineManagement v3 module uses. Undocumented and unsupported by Microsoft
/// against real tenants (the generated PowerShell is the supported path); the sandbox serves it.
/// Output pages (<c>@odata.nextLink</c>) are followed.
/// </summary>
public sealed class ExchangeAdminApiRunner(HttpClient http, Uri baseAddress, string tenantId, Func<CancellationToken, ValueTask<string>> accessToken,
    bool experimental)
    : IExchangeCommandRunner
{
    public bool Experimental { get; } = experimental;

    public async Task<IReadOnlyList<JsonElement>> InvokeAsync(Cmdlet cmdlet, CancellationToken cancellationToken)
    {
        var results = new List<JsonElement>();
        var url = new Uri(baseAddress, $"adminapi/beta/{Uri.EscapeDataString(tenantId)}/InvokeCommand");
        var body = Body(cmdlet);
        while (url is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await accessToken(cancellationToken));
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode) throw Error(cmdlet.Name, (int)response.StatusCode, text);
            // The API always answers a JSON object; an empty 200 is a cut-off answer, and the step
            // (probe first) is tried again rather than taken as done.
            if (string.IsNullOrWhiteSpace(text)) throw new HttpRequestException($"{cmdlet.Name}: the Exchange admin API's answer was empty.");
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
                results.AddRange(value.EnumerateArray().Select(e => e.Clone()));
            url = document.RootElement.TryGetProperty("@odata.nextLink", out var next) && next.GetString() is { } link ? new Uri(link) : null;
        }
        return results;
    }

    /// <summary>The InvokeCommand body: switches are sent as true, flags as JSON booleans.</summary>
    public static string Body(Cmdlet cmdlet)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("CmdletInput");
            json.WriteString("CmdletName", cmdlet.Name);
            json.WriteStartObject("Parameters");
            foreach (var parameter in cmdlet.Parameters)
            {
                switch (parameter.Value)
                {
                    case null: json.WriteBoolean(parameter.Name, true); break;
                    case bool flag: json.WriteBoolean(parameter.Name, flag); break;
                    case var value: json.WriteString(parameter.Name,
                        Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ExchangeCommandException Error(string cmdlet, int status, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var error = document.RootElement.GetProperty("error");
            return new(cmdlet, error.GetProperty("code").GetString() ?? "Error", error.GetProperty("message").GetString() ?? text, status);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new(cmdlet, $"Http{status}", text.Length > 300 ? text[..300] : text, status);
        }
    }
}
