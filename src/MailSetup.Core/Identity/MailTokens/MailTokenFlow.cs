namespace MailSetup.Core.Identity.MailTokens;

/// <summary>How a token for a mail login is obtained for diagnosis.</summary>
public enum MailTokenFlow
{
    /// <summary>Client credentials with a client secret: an app-only token whose <c>roles</c> carry IMAP.AccessAsApp and friends.</summary>
    Secret,

    /// <summary>Client credentials with a certificate: the same token as <see cref="Secret"/>.</summary>
    Certificate,

    /// <summary>A person signs in with a device code (no browser on this machine): a delegated token whose <c>scp</c> carries IMAP.AccessAsUser.All
    /// and friends.</summary>
    Device,

    /// <summary>
    /// The resource owner password flow (<c>grant_type=password</c>): the app sends a person's password.
    /// Microsoft advises against it (no MFA, no Conditional Access prompts); supported because vendors still document it.
    /// </summary>
    Ropc,
}
