using Azure.Core;
using MailSetup.Core.Execution;

namespace MailSetup.Benchmarks;

/// <summary>Throws the new client secret away: a measurement has no use for it.</summary>
internal sealed class DiscardingSink : ISecretSink
{
    public Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

/// <summary>The in-memory sandbox accepts any bearer token; sign-in is not what is measured.</summary>
internal sealed class StaticToken : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new("sandbox-benchmark-token", DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        new(GetToken(requestContext, cancellationToken));
}
