using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace MailSetup.Sandbox.Hosting;

/// <summary>Reads the bearer token of a request's Authorization header.</summary>
public static class BearerToken
{
    /// <summary>
    /// The challenge Graph sends with a 401 (RFC 6750): where to get a token. The sandbox names its own
    /// authority, since that is where its tokens come from.
    /// </summary>
    public static void Challenge(HttpContext context) =>
        context.Response.Headers[HeaderNames.WWWAuthenticate] =
            $"Bearer realm=\"\", authorization_uri=\"{context.Request.Scheme}://{context.Request.Host}/common/oauth2/authorize\", " +
            $"error=\"invalid_token\"";

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
