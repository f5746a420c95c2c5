using System.CommandLine;
using MailSetup.App;
using MailSetup.App.Workspaces;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Preflight;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup preflight imap|pop|smtp|all --mailbox A</c>: walks the chain from app registration to a
/// working login and stops at the first broken link with its fix. Read-only: it changes nothing
/// (in the sandbox a temporary secret for the token check is added and removed again).
/// </summary>
internal sealed class PreflightCommand : CliCommand<PreflightCommand.Input>
{
    private readonly ToolServices _services;
    private readonly Argument<string> _protocol = new("PROTOCOL") { Description = "imap, pop, smtp, or all three." };
    private readonly Option<string> _mailbox = new("--mailbox") { Description = "The mailbox the app logs in to.", HelpName = "address" };
    private readonly MailCredentialOptions _credential = new();
    private readonly Option<string> _cloud = CommonOptions.Cloud("The tenant's cloud");
    private readonly FormatOption _format = new(["text", "json"], "text (default: each link as it is checked) or json.");

    public PreflightCommand(ToolServices services)
        : base("preflight", "Walk the chain a mail login depends on (app, enterprise app, credential, consent, Exchange registration, mailbox, "
            + "FullAccess, protocol, token, login) and stop at the first broken link with its fix. Reads only. A real tenant needs an admin "
            +
            "sign-in (device code); the token and login links need the app's credential. Exit 0 when no link is broken, 1 when one is, " +
            "2 on bad input.")
    {
        _services = services;
        Add([_protocol, _mailbox, .. _credential.All, _cloud, _format.Option]);
    }

    internal sealed record Input(DiagnoseSettings Settings, bool Json);

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var protocolWord = LoginInputs.Protocol(result, _protocol, errors);
        var mailbox = LoginInputs.Mailbox(result, _mailbox, "the mailbox the app logs in to", errors);
        var format = _format.Read(result, errors);
        var cloud = CommonOptions.ReadCloud(result, _cloud, errors) ?? CloudCatalog.Global;

        var credential = MailCredential.Read(result, _credential, mailbox, _services.Environment, _services.Passwords, errors, optional: true);
        if (credential?.Sandbox == true && result.ValueOrDefault(_cloud) is not null)
            errors.Add(new(_cloud.Name, "does not go with --sandbox: the sandbox is in the global cloud."));
        if (errors.Count > 0 || protocolWord is null || credential is null) return Task.FromResult<Input?>(null);

        var targets = DiagnoseSettings.ProtocolsOf(protocolWord).Select(p => MailTarget.For(p, cloud)).ToList();
        var settings = new DiagnoseSettings(targets, mailbox!, SaslMechanismKind.XOAuth2, null, credential, cloud, [], null, false);
        return Task.FromResult<Input?>(new Input(settings, format == "json"));
    }

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var (settings, json, output) = (input.Settings, input.Json, io.Output);
        await using var source = await DiagnoseSource.OpenAsync(settings, _services, io.Error, cancellationToken, signInAdmin: true);
        if (source.Problem is { } problem) return await io.UsageAsync([problem]);
        if (source.Unavailable is { } unavailable) return await io.FailureAsync(unavailable);

        var request = source.Request();
        if (!json) await output.WriteLineAsync(
            $"preflight: app {source.AppId} " +
            $"and {settings.Mailbox}: {string.Join(", ", settings.Protocols.Select(p => p.ToString().ToLowerInvariant()))}");
        var report = await new PreflightRunner(request.SetupReader!, _services.Clock).RunAsync(
            source.AppId!, settings.Mailbox, settings.Protocols,
            settings.Credential!.CanGetToken ? ct => TokenAsync(source, ct) : null,
            (protocol, token, ct) =>
                MailProbe.For(protocol).RunAsync(request.Login(request.Targets.Single(t => t.Protocol == protocol), token, null), ct),
            json ? null : link => output.Write(PreflightText.Link(link)),
            cancellationToken);

        await output.WriteAsync(json ? PreflightJson.Render(report) : PreflightText.Summary(report));
        await output.FlushAsync(cancellationToken);
        return report.BrokenLink is null ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The app's token for the token link; a password nobody typed counts as a refusal there.</summary>
    private static async Task<MailToken> TokenAsync(DiagnoseSource source, CancellationToken cancellationToken)
    {
        if (source.AskPassword(out var password) is { } problem) throw new MailTokenException(problem.Message, null);
        return await source.AcquireAsync(password, cancellationToken);
    }
}
