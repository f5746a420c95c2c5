namespace MailSetup.Core.Mail.Sasl;

/// <summary>Who logs in and with which access token; host and port are needed by OAUTHBEARER's message.</summary>
public sealed record SaslCredentials(string Mailbox, string Token, string Host, int Port)
{
    /// <summary>Never prints the token, so a stray log of the record leaks nothing.</summary>
    public override string ToString() => $"SaslCredentials {{ Mailbox = {Mailbox}, Token = <redacted>, Host = {Host}, Port = {Port} }}";
}
