using System.Net;
using Azure.Core;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;

namespace MailSetup.Core.Tests.Execution;

/// <summary>
/// The admin's sign-in runs inside the first Graph request. A request that gives up (its timeout, or
/// Ctrl+C) stops waiting at once, but the sign-in goes on, so the retry waits for the same device
/// code instead of showing a new one; disposing the clients stops it.
/// </summary>
public sealed class TenantClientsSignInTests
{
    [Fact]
    public async Task A_request_that_gives_up_stops_waiting_and_the_retry_waits_for_the_same_sign_in()
    {
        var credential = new SlowSignIn();
        using var clients = new TenantClients(credential, CloudCatalog.Global, "contoso.onmicrosoft.com", new EmptyOrganization());

        using (var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Graph.Organization.GetAsync(cancellationToken: timeout.Token));
        Assert.False(credential.Cancelled);

        var retry = clients.Graph.Organization.GetAsync();
        credential.Approve();
        Assert.NotNull(await retry.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, credential.SignIns);
    }

    [Fact]
    public async Task Disposing_the_clients_stops_a_sign_in_nobody_waits_for_any_more()
    {
        var credential = new SlowSignIn();
        var clients = new TenantClients(credential, CloudCatalog.Global, "contoso.onmicrosoft.com", new EmptyOrganization());
        using (var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(200)))
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Graph.Organization.GetAsync(cancellationToken: stop.Token));

        clients.Dispose();
        await credential.Stopped.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(credential.Cancelled);
    }

    /// <summary>A device-code sign-in that completes only when the test approves it.</summary>
    private sealed class SlowSignIn : TokenCredential
    {
        private readonly TaskCompletionSource _approved = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _signIns;

        public int SignIns => Volatile.Read(ref _signIns);
        public bool Cancelled { get; private set; }
        public Task Stopped => _stopped.Task;

        public void Approve() => _approved.TrySetResult();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _signIns);
            try
            {
                await _approved.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled = true;
                _stopped.TrySetResult();
                throw;
            }
            return new AccessToken("header.payload.signature", DateTimeOffset.UtcNow.AddHours(1));
        }
    }

    /// <summary>Graph's answer to GET /organization, once signed in.</summary>
    private sealed class EmptyOrganization : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"value":[]}""", System.Text.Encoding.UTF8, "application/json"),
            });
    }
}
