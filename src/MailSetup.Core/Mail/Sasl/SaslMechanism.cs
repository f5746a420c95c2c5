using System.Text;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Sasl;

/// <summary>
/// One bearer-token SASL exchange: the initial client response, and the error round in which the server sends
/// a base64 JSON challenge that the client must answer before the server gives its final failure.
/// Each instance serves one authentication attempt.
/// </summary>
public abstract class SaslMechanism
{
    protected SaslMechanism(SaslCredentials credentials) => Credentials = credentials;

    protected SaslCredentials Credentials { get; }

    /// <summary>The name on the wire (AUTHENTICATE / AUTH argument).</summary>
    public abstract string Name { get; }

    /// <summary>The error challenge the server sent, once it has sent one.</summary>
    public SaslErrorChallenge? ErrorChallenge { get; private set; }

    /// <summary>The client's first message, base64 encoded: the secret that goes on the wire.</summary>
    public string InitialResponse() => Convert.ToBase64String(Encoding.UTF8.GetBytes(Message(Credentials.Token)));

    /// <summary>What the trace shows instead of <see cref="InitialResponse"/>: the message with the token described, not shown.</summary>
    public string RedactedInitialResponse() => Message(TokenRedactor.Describe(Credentials.Token)).Replace('\u0001', ' ').TrimEnd();

    /// <summary>Decodes the server's challenge, keeps it, and returns the base64 answer the protocol requires.</summary>
    public string AnswerChallenge(string base64Challenge)
    {
        ErrorChallenge = SaslErrorChallenge.FromBase64(base64Challenge);
        return ErrorRoundAnswer;
    }

    /// <summary>The base64 answer to an error challenge (empty for XOAUTH2, a single 0x01 for OAUTHBEARER).</summary>
    protected abstract string ErrorRoundAnswer { get; }

    /// <summary>The unencoded client message with <paramref name="token"/> in the bearer slot.</summary>
    protected abstract string Message(string token);

    public static SaslMechanism Create(SaslMechanismKind kind, SaslCredentials credentials) => kind switch
    {
        SaslMechanismKind.XOAuth2 => new XOAuth2Mechanism(credentials),
        SaslMechanismKind.OAuthBearer => new OAuthBearerMechanism(credentials),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown SASL mechanism."),
    };
}
