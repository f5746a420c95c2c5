namespace MailSetup.Core.Mail.Sasl;

/// <summary>The bearer-token SASL mechanisms the probes speak.</summary>
public enum SaslMechanismKind
{
    XOAuth2,
    OAuthBearer,
}
