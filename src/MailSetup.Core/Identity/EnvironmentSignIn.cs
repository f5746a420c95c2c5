namespace MailSetup.Core.Identity;

/// <summary>
/// The AZURE_* conventions that Azure tooling shares, read through a lookup so tests never touch
/// the process environment. Azure.Identity's own EnvironmentCredential reads the process directly,
/// which is why mailsetup resolves the variables itself and builds the credential it names.
/// </summary>
public static class EnvironmentSignIn
{
    public const string TenantId = "AZURE_TENANT_ID";
    public const string ClientId = "AZURE_CLIENT_ID";
    public const string ClientSecret = "AZURE_CLIENT_SECRET";
    public const string CertificatePath = "AZURE_CLIENT_CERTIFICATE_PATH";
    public const string CertificatePassword = "AZURE_CLIENT_CERTIFICATE_PASSWORD";

    /// <summary>
    /// Turns <see cref="SignInKind.Environment"/> options into secret or certificate options. A tenant
    /// already given in the options wins over AZURE_TENANT_ID (the command line is more specific).
    /// </summary>
    public static SignInOptions Resolve(SignInOptions options, Func<string, string?> environment)
    {
        string? Read(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var tenant = string.IsNullOrWhiteSpace(options.Tenant) ? Read(TenantId) : options.Tenant;
        var clientId = Read(ClientId);
        var secret = Read(ClientSecret);
        var certificatePath = Read(CertificatePath);

        var missing = new List<string>();
        if (tenant is null) missing.Add(TenantId);
        if (clientId is null) missing.Add(ClientId);
        if (secret is null && certificatePath is null) missing.Add($"{ClientSecret} or {CertificatePath}");
        if (missing.Count > 0)
            throw new SignInConfigurationException(
                $"Sign-in from the environment needs {string.Join(", ", missing)}; {(missing.Count == 1 ? "it is" : "they are")} not set.");

        return options with
        {
            Tenant = tenant,
            ClientId = clientId,
            // A secret wins when both are set, as Azure.Identity's EnvironmentCredential decides.
            Kind = secret is not null ? SignInKind.Secret : SignInKind.Certificate,
            ClientSecret = secret,
            CertificatePath = secret is not null ? null : certificatePath,
            CertificatePassword = secret is not null ? null : Read(CertificatePassword),
        };
    }
}
