using System.CommandLine;
using MailSetup.App;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;

namespace MailSetupTui.Cli;

/// <summary>Where apply and rollback work: the sandbox, or a real tenant and how to sign in to it.</summary>
internal sealed record TenantTarget(bool Sandbox, SignInOptions? SignIn)
{
    private static readonly string[] AuthKinds = ["device", "secret", "certificate", "env"];

    /// <summary>The target as a journal records it, so a journal is used only where it was written.</summary>
    public string JournalTarget => Sandbox ? JournalTargets.Sandbox : JournalTargets.Tenant(SignIn!.Tenant!, SignIn.Cloud);

    /// <summary>Reads --sandbox, --tenant, --auth, --client-id, --certificate-path; nothing given means the sandbox.</summary>
    public static TenantTarget? Read(ParseResult result, TargetOptions options, Cloud cloud, IEnvironment environment, List<CliError> errors)
    {
        var sandbox = result.ValueOrDefault(options.Sandbox);
        var tenant = result.ValueOrDefault(options.Tenant)?.Trim();
        var auth = result.ValueOrDefault(options.Auth)?.Trim().ToLowerInvariant();
        var certificate = result.ValueOrDefault(options.CertificatePath);

        if (sandbox && tenant is not null)
        {
            CommonOptions.CheckSandboxOrTenant(sandbox, tenant, errors);
            return null;
        }
        if (tenant is null)
        {
            if (auth is not null || result.ValueOrDefault(options.ClientId) is not null || certificate is not null)
                errors.Add(new("--auth", "sign-in options need --tenant; the sandbox signs its admin in by itself."));
            if (cloud.Name != CloudName.Global)
                errors.Add(new("--cloud", $"the sandbox is a tenant in the global cloud, not '{cloud.Key}'; drop --cloud or give --tenant."));
            return errors.Count > 0 ? null : new TenantTarget(true, null);
        }

        CommonOptions.ReadTenant(result, options.Tenant, errors);
        if (auth is not null && !AuthKinds.Contains(auth))
            errors.Add(new("--auth", $"unknown sign-in {InputFile.Shown(auth)}; expected one of {string.Join(", ", AuthKinds)}."));
        var clientId = CommonOptions.ReadClientId(result, options.ClientId, errors);
        var kind = auth switch
        {
            "secret" => SignInKind.Secret,
            "certificate" => SignInKind.Certificate,
            "env" => SignInKind.Environment,
            _ => SignInKind.Device,
        };
        if (kind is SignInKind.Secret or SignInKind.Certificate && clientId is null)
            errors.Add(new("--client-id", $"is required with --auth {auth}: the admin app that signs in."));
        var secret = environment.Get(EnvironmentSignIn.ClientSecret);
        if (kind == SignInKind.Secret && string.IsNullOrEmpty(secret))
            errors.Add(
                new("--auth",
                    $"--auth secret reads the secret from {EnvironmentSignIn.ClientSecret} (never from the command line, where others can see it), " +
                    "and it is not set."));
        if (kind == SignInKind.Certificate && certificate is null) errors.Add(new("--certificate-path", "is required with --auth certificate."));
        else if (kind == SignInKind.Certificate && CertificateInput.Problem(certificate!) is { } certificateProblem)
            errors.Add(new("--certificate-path", certificateProblem));
        if (errors.Count > 0) return null;

        return new TenantTarget(false, new SignInOptions
        {
            Cloud = cloud,
            Tenant = tenant,
            Kind = kind,
            ClientId = clientId ?? (kind == SignInKind.Device ? AdminClient.DefaultClientId : null),
            ClientSecret = kind == SignInKind.Secret ? secret : null,
            CertificatePath = certificate,
        });
    }
}
