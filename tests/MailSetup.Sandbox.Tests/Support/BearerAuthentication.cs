using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MailSetup.Sandbox.Tests.Support;

/// <summary>Adds a fixed bearer token to every Graph SDK request (the sandbox accepts any by default).</summary>
public sealed class BearerAuthentication(string token = "sandbox-test-token") : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        request.Headers.Add("Authorization", "Bearer " + token);
        return Task.CompletedTask;
    }
}
