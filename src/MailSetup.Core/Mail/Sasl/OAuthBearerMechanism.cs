namespace MailSetup.Core.Mail.Sasl;

/// <summary>RFC 7628 OAUTHBEARER: a GS2 header naming the user, then host, port and the bearer token.</summary>
public sealed class OAuthBearerMechanism(SaslCredentials credentials) : SaslMechanism(credentials)
{
    public override string Name => "OAUTHBEARER";

    // RFC 7628 section 3.2.3: the client answers the error challenge with a single %x01.
    protected override string ErrorRoundAnswer => "AQ==";

    protected override string Message(string token) =>
        $"n,a={GsName(Credentials.Mailbox)},\u0001host={Credentials.Host}\u0001port={Credentials.Port}\u0001auth=Bearer {token}\u0001\u0001";

    // RFC 5801: ',' and '=' in a GS2 authzid are escaped.
    private static string GsName(string name) => name.Replace("=", "=3D").Replace(",", "=2C");
}
