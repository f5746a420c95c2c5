using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MailSetup.Sandbox.Hosting;

/// <summary>Reads the bearer token of a request's Authorization header.</summary>
public static class BearerToken
{
    /// <returns>The token, or null when the header is missing, not Bearer, or empty.</returns>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var token = header[scheme.Length..].Trim();
        return token.Length == 0 ? null : token;
    }
}
