namespace MailSetup.Sandbox.Identity;

/// <summary>
/// One failure of the token endpoint as Entra reports it: the OAuth <see cref="Error"/>, the AADSTS
/// <see cref="Code"/> and its message, and the HTTP status Entra answers with.
/// </summary>
public sealed record EntraError(int StatusCode, string Error, int Code, string Message, string? Suberror = null)
{
    public string Description => $"AADSTS{Code}: {Message}";
}

/// <summary>Thrown inside a grant to stop it with an Entra error; the endpoint turns it into the answer.</summary>
internal sealed class EntraErrorException(EntraError error) : Exception(error.Description)
{
    public EntraError Error { get; } = error;
}
