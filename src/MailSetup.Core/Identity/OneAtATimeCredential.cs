using Azure.Core;

namespace MailSetup.Core.Identity;

/// <summary>
/// Lets one token request through at a time. A device-code credential asked for Graph and Exchange
/// tokens at the same moment would start two sign-ins and show the person two codes; in turn, the
/// second request finds the first sign-in's refresh token and is answered silently.
/// </summary>
public sealed class OneAtATimeCredential(TokenCredential inner) : TokenCredential
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The credential that does the work.</summary>
    public TokenCredential Inner => inner;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _gate.Wait(cancellationToken);
        try
        {
            return inner.GetToken(requestContext, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.GetTokenAsync(requestContext, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
