using Azure.Core;
using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace MailSetup.Core.Execution;

/// <summary>
/// The Graph client and Exchange runner for one tenant, signed in with one credential. The cloud's
/// hosts decide where requests go; an injected final handler (the sandbox's, in tests and
/// <c>--sandbox</c>) decides how they get there. Production and sandbox differ in nothing else.
/// </summary>
public sealed class TenantClients : IDisposable
{
    private readonly HttpClient _graphHttp;
    private readonly HttpClient _exchangeHttp;
    private readonly SignInOutlastsRequest _graphSignIn;

    public TenantClients(TokenCredential credential, Cloud cloud, string tenantId, HttpMessageHandler? finalHandler = null,
        bool exchangeExperimental = true)
    {
        var graphScopes = AdminScopes.Graph(cloud).ToArray();
        // The SDK's provider only signs requests to the hosts it is told about: Graph's own host here
        // (without port, as the validator compares host names).
        // CAE off: with it the SDK asks with a claims parameter, which makes MSAL skip its cache and
        // prompt for a second device code after the Exchange one (measured against the sandbox).
        _graphSignIn = new SignInOutlastsRequest(credential);
        var auth = new AzureIdentityAuthenticationProvider(_graphSignIn, [HostOnly(cloud.Graph.Name)], null, isCaeEnabled: false, graphScopes);
        _graphHttp = GraphClientFactory.Create(GraphMiddleware(), finalHandler: finalHandler ?? new SocketsHttpHandler());
        Graph = new GraphServiceClient(_graphHttp, auth, cloud.GraphBaseUrl);

        _exchangeHttp = finalHandler is null ? new HttpClient() : new HttpClient(finalHandler, disposeHandler: false);
        var exchangeScopes = AdminScopes.ExchangeAdmin(cloud).ToArray();
        Exchange = new ExchangeAdminApiRunner(
            _exchangeHttp,
            new Uri($"https://{cloud.Exchange.Name}/"),
            tenantId,
            async token => (await credential.GetTokenAsync(new TokenRequestContext(exchangeScopes), token)).Token,
            exchangeExperimental);
    }

    public GraphServiceClient Graph { get; }

    public IExchangeCommandRunner Exchange { get; }

    public void Dispose()
    {
        Graph.Dispose();
        _graphHttp.Dispose();
        _exchangeHttp.Dispose();
        _graphSignIn.Dispose();
    }

    private static string HostOnly(string host) => host.Split(':')[0];

    /// <summary>
    /// The admin's sign-in (a device code the person may take minutes to enter) happens inside the first Graph
    /// request, whose cancellation includes the plan runner's per-request timeout. Kiota 2 (Graph 6) passes that
    /// cancellation on to the credential, so a slow sign-in would be abandoned and the retry would show a new code.
    /// Here a request that gives up stops only its own wait: the sign-in goes on, the retry waits for the same one,
    /// and only disposing the clients (the command ending, Ctrl+C included) stops it.
    /// </summary>
    private sealed class SignInOutlastsRequest(TokenCredential inner) : TokenCredential, IDisposable
    {
        private readonly CancellationTokenSource _lifetime = new();
        private readonly Lock _gate = new();
        private Task<AccessToken>? _signIn;

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            SignIn(requestContext).WaitAsync(cancellationToken).GetAwaiter().GetResult();

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(SignIn(requestContext).WaitAsync(cancellationToken));

        /// <summary>The sign-in in flight, or a new one (from the credential's cache once signed in).</summary>
        private Task<AccessToken> SignIn(TokenRequestContext requestContext)
        {
            lock (_gate)
            {
                if (_signIn is null || _signIn.IsCompleted) _signIn = inner.GetTokenAsync(requestContext, _lifetime.Token).AsTask();
                return _signIn;
            }
        }

        public void Dispose()
        {
            _lifetime.Cancel();
            _lifetime.Dispose();
        }
    }

    /// <summary>
    /// The SDK's own middleware without its retry handler: the plan runner retries whole steps
    /// (probe first, so a create is never sent twice), honours Retry-After with jitter on the
    /// injected clock, and the SDK's handler re-sent POST bodies empty after a 429 (measured).
    /// </summary>
    private static IList<DelegatingHandler> GraphMiddleware() =>
        GraphClientFactory.CreateDefaultHandlers().Where(h => h is not Microsoft.Kiota.Http.HttpClientLibrary.Middleware.RetryHandler).ToList();
}
