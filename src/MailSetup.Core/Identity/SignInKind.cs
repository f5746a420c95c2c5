namespace MailSetup.Core.Identity;

/// <summary>How mailsetup signs in to a tenant.</summary>
public enum SignInKind
{
    /// <summary>A person, with a device code: no browser needed on the machine (SSH sessions).</summary>
    Device,

    /// <summary>An app with a client secret.</summary>
    Secret,

    /// <summary>An app with a certificate (PEM with its key, or PKCS#12).</summary>
    Certificate,

    /// <summary>An app described by AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH.</summary>
    Environment,
}
