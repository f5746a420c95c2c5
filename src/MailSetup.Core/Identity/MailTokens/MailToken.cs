namespace MailSetup.Core.Identity.MailTokens;

/// <summary>An access token for a mail login, and how it was obtained. Never printed: <see cref="ToString"/> hides it.</summary>
public sealed record MailToken(string AccessToken, DateTimeOffset ExpiresOn, MailTokenFlow Flow, IReadOnlyList<string> Scopes)
{
    public override string ToString() => $"MailToken {{ Flow = {Flow}, ExpiresOn = {ExpiresOn:u}, Scopes = {string.Join(' ', Scopes)} }}";
}
