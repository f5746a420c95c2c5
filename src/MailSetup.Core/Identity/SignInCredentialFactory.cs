using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace MailSetup.Core.Identity;

/// <summary>
/// Builds the Azure.Identity credential that <see cref="SignInOptions"/> describe. Every credential
/// talks to the cloud's login host with instance discovery off (otherwise MSAL asks the public
/// login host about any other host first), and through <paramref name="transport"/> when one is
/// given: that handler and the cloud's host overrides are the only way the sandbox plugs in.
/// </summary>
/// <param name="transport">The final HTTP handler; null uses Azure.Core's default transport.</param>
/// <param name="environment">Environment variable lookup for <see cref="SignInKind.Environment"/>; null reads the process.</param>
public sealed class SignInCredentialFactory(HttpMessageHandler? transport = null, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>
    /// The credential for <paramref name="options"/>. <paramref name="deviceCodePrompt"/> shows the
    /// code and address to the person (CLI or TUI); it is required for <see cref="SignInKind.Device"/>.
    /// </summary>
    public TokenCredential Create(SignInOptions options, Func<DeviceCodeInfo, CancellationToken, Task>? deviceCodePrompt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind == SignInKind.Environment) options = EnvironmentSignIn.Resolve(options, _environment);

        var tenant = Required(options.Tenant, "a tenant id or domain", options.Kind);
        var clientId = Required(options.ClientId, "a client (app) id", options.Kind);
        return options.Kind switch
        {
            SignInKind.Device => new OneAtATimeCredential(new DeviceCodeCredential(Configure(options, new DeviceCodeCredentialOptions
            {
                TenantId = tenant,
                ClientId = clientId,
                DeviceCodeCallback = deviceCodePrompt
                    ?? throw new SignInConfigurationException("Device code sign-in needs a way to show the code to the person signing in."),
            }))),
            SignInKind.Secret => new ClientSecretCredential(tenant, clientId,
                Required(options.ClientSecret, "a client secret", options.Kind),
                Configure(options, new ClientSecretCredentialOptions())),
            SignInKind.Certificate => new ClientCertificateCredential(tenant, clientId,
                CertificateFile.Load(Required(options.CertificatePath, "a certificate file", options.Kind), options.CertificatePassword),
                Configure(options, new ClientCertificateCredentialOptions())),
            _ => throw new SignInConfigurationException($"Unknown sign-in kind '{options.Kind}'."),
        };
    }

    private T Configure<T>(SignInOptions options, T credentialOptions) where T : TokenCredentialOptions
    {
        credentialOptions.AuthorityHost = options.AuthorityHost;
        if (transport is not null) credentialOptions.Transport = new HttpClientTransport(transport);
        switch (credentialOptions)
        {
            case DeviceCodeCredentialOptions device: device.DisableInstanceDiscovery = true; break;
            case ClientSecretCredentialOptions secret: secret.DisableInstanceDiscovery = true; break;
            case ClientCertificateCredentialOptions certificate: certificate.DisableInstanceDiscovery = true; break;
        }
        return credentialOptions;
    }

    private static string Required(string? value, string what, SignInKind kind) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new SignInConfigurationException($"{kind} sign-in needs {what}.")
            : value.Trim();
}
