using System.Text.Json;

namespace MailSetup.Core.Identity.MailTokens;

/// <summary>
/// The password flow (ROPC) as it is done by hand: one form POST to the tenant's v2.0 token endpoint.
/// Done here rather than through Azure.Identity because vendors use it with confidential clients
/// (a client secret alongside the password), which Azure.Identity's password credential cannot send.
/// </summary>
internal sealed class RopcTokenClient(HttpMessageHandler? transport, TimeProvider clock)
{
    public async Task<MailToken> AcquireAsync(MailTokenRequest request, CancellationToken cancellationToken)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "password"),
            new("client_id", request.ClientId),
            new("scope", string.Join(' ', request.Scopes.Append("offline_access"))),
            new("username", Required(request.UserName, "a user name")),
            new("password", Required(request.Password, "the user's password")),
        };
        if (!string.IsNullOrEmpty(request.ClientSecret)) fields.Add(new("client_secret", request.ClientSecret));

        using var http = transport is null ? new HttpClient() : new HttpClient(transport, disposeHandler: false);
        var endpoint = new Uri($"https://{request.Cloud.Login.Name}/{Uri.EscapeDataString(request.Tenant)}/oauth2/v2.0/token");
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(endpoint, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var failure = SignInFailure.FromResponse(body, $"the token endpoint answered {(int)response.StatusCode}", null, (int)response.StatusCode);
            throw new MailTokenException($"The password sign-in was refused: {failure.Description}", failure);
        }
        return Read(body, request);
    }

    private MailToken Read(string body, MailTokenRequest request)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.GetProperty("access_token").GetString() ?? throw new KeyNotFoundException();
            var lifetime = root.TryGetProperty("expires_in", out var seconds) && seconds.TryGetInt32(out var s) ? s : 3600;
            return new MailToken(token, clock.GetUtcNow().AddSeconds(lifetime), MailTokenFlow.Ropc, request.Scopes);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new MailTokenException("The token endpoint's answer held no access token.", null, e);
        }
    }

    private static string Required(string? value, string what) =>
        string.IsNullOrEmpty(value) ? throw new MailTokenException($"The password flow needs {what}.", null) : value;
}
