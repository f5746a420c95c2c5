namespace MailSetup.Core.Mail.Sasl;

/// <summary>Google's and Microsoft's XOAUTH2: <c>user=&lt;mailbox&gt;^Aauth=Bearer &lt;token&gt;^A^A</c>.</summary>
public sealed class XOAuth2Mechanism(SaslCredentials credentials) : SaslMechanism(credentials)
{
    public override string Name => "XOAUTH2";

    // The error round is closed by an empty client response.
    protected override string ErrorRoundAnswer => "";

    protected override string Message(string token) => $"user={Credentials.Mailbox}\u0001auth=Bearer {token}\u0001\u0001";
}
