namespace MailSetup.Core.Identity.MailTokens;

/// <summary>
/// Entra refused the token request, or it could not be made. <see cref="Failure"/> holds Entra's
/// answer (AADSTS codes) when there was one; diagnosis explains it. The message never holds a secret.
/// </summary>
public sealed class MailTokenException(string message, SignInFailure? failure, Exception? inner = null) : Exception(message, inner)
{
    public SignInFailure? Failure { get; } = failure;

    /// <summary>What the diagnostician reads: Entra's own text when there is one (it starts with the AADSTS code).</summary>
    public string ErrorText => Failure?.Description ?? Message;
}
