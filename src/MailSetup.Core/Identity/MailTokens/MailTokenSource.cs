using Azure.Core;
using Azure.Identity;

namespace MailSetup.Core.Identity.MailTokens;

/// <summary>
/// Gets the token a mail app logs in with, by the flow the app really uses, so diagnosis tests what
/// the mail software will get. Client credentials and device code go through Azure.Identity (the
/// same credentials as sign-in, instance discovery off, <paramref name="transport"/> for the
/// sandbox); the password flow is one form POST (see <see cref="RopcTokenClient"/>).
/// </summary>
public sealed class MailTokenSource(HttpMessageHandler? transport = null, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <param name="deviceCodePrompt">Shows the code and address to the person; required for <see cref="MailTokenFlow.Device"/>.</param>
    /// <exception cref="MailTokenException">Entra refused, or the request could not be made.</exception>
    public async Task<MailToken> AcquireAsync(MailTokenRequest request, Func<DeviceCodeInfo, CancellationToken, Task>? deviceCodePrompt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Flow == MailTokenFlow.Ropc) return await new RopcTokenClient(transport, _clock).AcquireAsync(request, cancellationToken)
            .ConfigureAwait(false);

        TokenCredential credential;
        try
        {
            credential = new SignInCredentialFactory(transport).Create(SignIn(request), deviceCodePrompt);
        }
        catch (Exception e) when (e is SignInConfigurationException or IOException or UnauthorizedAccessException
            or System.Security.Cryptography.CryptographicException)
        {
            throw new MailTokenException(e.Message, null, e);
        }

        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([.. request.Scopes]), cancellationToken).ConfigureAwait(false);
            return new MailToken(token.Token, token.ExpiresOn, request.Flow, request.Scopes);
        }
        catch (AuthenticationFailedException e)
        {
            var failure = SignInFailure.From(e);
            throw new MailTokenException(
                failure is null ? $"The sign-in failed: {e.Message}" : $"Entra refused the token request: {failure.Description}", failure, e);
        }
    }

    private static SignInOptions SignIn(MailTokenRequest request) => new()
    {
        Cloud = request.Cloud,
        Tenant = request.Tenant,
        ClientId = request.ClientId,
        Kind = request.Flow switch
        {
            MailTokenFlow.Secret => SignInKind.Secret,
            MailTokenFlow.Certificate => SignInKind.Certificate,
            _ => SignInKind.Device,
        },
        ClientSecret = request.ClientSecret,
        CertificatePath = request.CertificatePath,
        CertificatePassword = request.CertificatePassword,
    };
}
