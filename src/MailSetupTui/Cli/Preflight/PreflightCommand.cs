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
internal sealed class PreflightCommand : ICliCommand
{
    private static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    private readonly ToolServices _services;
    private readonly Argument<string> _protocol = new("PROTOCOL") { Description = "imap, pop, smtp, or all three." };
    private readonly Option<string> _mailbox = new("--mailbox") { Description = "The mailbox the app logs in to.", HelpName = "address" };
    private readonly MailCredentialOptions _credential = new();
    private readonly Option<string> _cloud = new("--cloud") { Description = $"The tenant's cloud: {string.Join(", ", CloudCatalog.Keys)} (default {CloudCatalog.Global.Key}).", HelpName = string.Join('|', CloudCatalog.Keys) };
    private readonly Option<string> _format = new("--format") { Description = "text (default: each link as it is checked) or json.", HelpName = "text|json" };

    public PreflightCommand(ToolServices services)
    {
        _services = services;
        Command = new Command("preflight", "Walk the chain a mail login depends on (app, enterprise app, credential, consent, Exchange registration, mailbox, FullAccess, protocol, token, login) "
            + "and stop at the first broken link with its fix. Reads only. A real tenant needs an admin sign-in (device code); the token and login links need the app's credential. "
            + "Exit 0 when no link is broken, 1 when one is, 2 on bad input.");
        Command.Add(_protocol);
        Option[] options = [_mailbox, .. _credential.All, _cloud, _format];
        foreach (var option in options) Command.Add(option);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) => Task.FromResult(Check(result).Errors);

    private (DiagnoseSettings? Settings, bool Json, IReadOnlyList<CliError> Errors) Check(ParseResult result)
    {
        var errors = new List<CliError>();
        var protocolWord = LoginInputs.Protocol(result, _protocol, errors);
        var mailbox = LoginInputs.Mailbox(result, _mailbox, "the mailbox the app logs in to", errors);

        var format = result.ValueOrDefault(_format)?.Trim().ToLowerInvariant() ?? "text";
        if (!Formats.Contains(format)) errors.Add(new(_format.Name, $"unknown value '{format}'; expected one of {string.Join(", ", Formats)}."));
        var cloud = LoginInputs.Cloud(result, _cloud, errors);
        var cloudKey = result.ValueOrDefault(_cloud);

        var credential = MailCredential.Read(result, _credential, mailbox, _services.Environment, _services.Passwords, errors, optional: true);
        if (credential?.Sandbox == true && cloudKey is not null) errors.Add(new(_cloud.Name, "does not go with --sandbox: the sandbox is in the global cloud."));
        if (errors.Count > 0 || protocolWord is null || credential is null) return (null, false, errors);

        var targets = DiagnoseSettings.ProtocolsOf(protocolWord).Select(p => MailTarget.For(p, cloud)).ToList();
        return (new DiagnoseSettings(targets, mailbox!, SaslMechanismKind.XOAuth2, null, credential, cloud, [], null, false), format == "json", errors);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var (settings, json, errors) = Check(result);
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        if (settings is null) return await ErrorReport.UsageAsync(error, errors, CommandPath.Of(result));

        await using var source = await DiagnoseSource.OpenAsync(settings, _services, error, cancellationToken, signInAdmin: true);
        if (source.Problem is { } problem) return await ErrorReport.UsageAsync(error, [problem], CommandPath.Of(result));
        if (source.Unavailable is { } unavailable) return await ErrorReport.FailureAsync(error, unavailable);

        var clock = _services.Clock;
        var request = source.Request();
        if (!json) await output.WriteLineAsync($"preflight: app {source.AppId} and {settings.Mailbox}: {string.Join(", ", settings.Protocols.Select(p => p.ToString().ToLowerInvariant()))}");
        var report = await new PreflightRunner(request.SetupReader!, clock).RunAsync(
            source.AppId!, settings.Mailbox, settings.Protocols,
            settings.Credential!.CanGetToken ? ct => TokenAsync(source, ct) : null,
            (protocol, token, ct) => MailProbe.For(protocol).RunAsync(request.Login(request.Targets.Single(t => t.Protocol == protocol), token, null), ct),
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
