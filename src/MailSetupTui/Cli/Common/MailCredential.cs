using System.CommandLine;
using MailSetup.App;
using MailSetupTui.Tui.Terminal;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;

namespace MailSetupTui.Cli;

/// <summary>
/// The checked answer to <see cref="MailCredentialOptions"/>: where the mail app is and how it gets
/// its token. The secret or password is read here, once, and kept out of <see cref="ToString"/>.
/// </summary>
internal sealed record MailCredential(bool Sandbox, string? Tenant, string? ClientId, MailTokenFlow Flow, string? User,
    string? ClientSecret, string? CertificatePath, string? Password)
{
    private static readonly Dictionary<string, MailTokenFlow> Flows = new()
    {
        ["secret"] = MailTokenFlow.Secret,
        ["certificate"] = MailTokenFlow.Certificate,
        ["device"] = MailTokenFlow.Device,
        ["ropc"] = MailTokenFlow.Ropc,
    };

    /// <summary>True when any option of <paramref name="options"/> was given.</summary>
    public static bool Given(ParseResult result, MailCredentialOptions options) =>
        options.All.Any(o => result.GetResult(o) is { Implicit: false });

    /// <summary>
    /// Reads and checks the options. <paramref name="mailbox"/> is the default --user;
    /// <paramref name="passwords"/> asks a person at a terminal, when there is one.
    /// </summary>
    /// <param name="optional">True where a token is a bonus (preflight): without --auth and without a secret, no credential is no error.</param>
    public static MailCredential? Read(ParseResult result, MailCredentialOptions options, string? mailbox,
        IEnvironment environment, IPasswordPrompt passwords, List<CliError> errors, bool optional = false)
    {
        var authGiven = result.GetResult(options.Auth) is { Implicit: false };
        var sandbox = result.ValueOrDefault(options.Sandbox);
        var tenant = CommonOptions.ReadTenant(result, options.Tenant, errors);
        var clientId = CommonOptions.ReadClientId(result, options.ClientId, errors);
        var authWord = result.ValueOrDefault(options.Auth)?.Trim().ToLowerInvariant() ?? "secret";
        var secretFile = result.ValueOrDefault(options.SecretFile);
        var certificate = result.ValueOrDefault(options.CertificatePath);
        var user = result.ValueOrDefault(options.User)?.Trim() ?? mailbox;

        CommonOptions.CheckSandboxOrTenant(sandbox, tenant, errors);
        if (!sandbox
            && tenant is null) errors.Add(new("--tenant", "is required to get a token (or use --sandbox, or give a token with --token-file)."));
        if (clientId is null && !sandbox) errors.Add(new("--client-id", "is required with --tenant: the mail app's client id."));
        if (!Flows.TryGetValue(authWord, out var flow))
        {
            errors.Add(new("--auth", $"unknown flow '{authWord}'; expected one of {string.Join(", ", Flows.Keys)}."));
            return null;
        }
        if (user is not null && LoginInputs.MailAddressProblem(user) is not null)
            errors.Add(new("--user", $"{InputFile.Shown(user)} is not a sign-in name; expected an address."));

        string? secret = null;
        if (secretFile is not null && flow is not (MailTokenFlow.Secret or MailTokenFlow.Ropc))
            errors.Add(new("--secret-file", $"goes with --auth secret or ropc, not {authWord}."));
        else if (secretFile is not null) secret = ReadSecret(secretFile, errors);
        else if (flow == MailTokenFlow.Secret && !sandbox)
        {
            secret = environment.Get(EnvironmentSignIn.ClientSecret);
            if (string.IsNullOrWhiteSpace(secret) && optional && !authGiven) secret = null;
            else if (string.IsNullOrWhiteSpace(secret))
                errors.Add(
                    new("--auth",
                        $"--auth secret needs the secret in --secret-file or {EnvironmentSignIn.ClientSecret} (never on the command line, " +
                        "where others can see it)."));
        }

        if (flow == MailTokenFlow.Certificate && certificate is null) errors.Add(new("--certificate-path", "is required with --auth certificate."));
        else if (flow == MailTokenFlow.Certificate && CertificateInput.Problem(certificate!) is { } certificateProblem)
            errors.Add(new("--certificate-path", certificateProblem));
        else if (flow != MailTokenFlow.Certificate && certificate is not null)
            errors.Add(new("--certificate-path", $"goes with --auth certificate, not {authWord}."));

        string? userPassword = null;
        Func<string?>? askPassword = null;
        if (flow == MailTokenFlow.Ropc && !sandbox)
        {
            userPassword = environment.Get(MailCredentialOptions.PasswordVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
            // Asked only when everything else checked out and the token is really wanted (see DiagnoseSource).
            if (userPassword is null && passwords.CanAsk) askPassword = () => passwords.Ask($"password for {user}: ");
            else if (userPassword is null)
                errors.Add(
                    new("--auth", $"--auth ropc needs {user}'s password in {MailCredentialOptions.PasswordVariable} (or typed at a terminal)."));
        }
        if (errors.Count > 0) return null;
        return new MailCredential(sandbox, tenant, clientId, flow, user, secret, certificate, userPassword) { AskPassword = askPassword };
    }

    /// <summary>A client secret is about 40 characters; a file far larger is not one.</summary>
    private const int MaxSecretBytes = 64 * 1024;

    private static string? ReadSecret(string path, List<CliError> errors)
    {
        var (text, problem) = InputFile.ReadText(path, MaxSecretBytes, "a file holding the client secret's value");
        if (text is null)
        {
            errors.Add(new("--secret-file", problem!));
            return null;
        }
        var secret = text.Trim();
        if (secret.Length == 0) errors.Add(new("--secret-file", $"{InputFile.Shown(path)} is empty; expected the client secret's value."));
        return secret;
    }

    /// <summary>Asks a person at the terminal for the password of the password flow; null when it came from the environment.</summary>
    public Func<string?>? AskPassword { get; init; }

    /// <summary>False when no way to the app's token was given (only possible where it is <c>optional</c>).</summary>
    public bool CanGetToken => Sandbox || Flow != MailTokenFlow.Secret || ClientSecret is not null;

    public override string ToString() =>
        $"MailCredential {{ Sandbox = {Sandbox}, Tenant = {Tenant}, ClientId = {ClientId}, Flow = {Flow}, User = {User}, " +
        $"ClientSecret = {(ClientSecret is null ? "" : "***")}, CertificatePath = {CertificatePath}, Password = {(Password is null ? "" : "***")} }}";
}
