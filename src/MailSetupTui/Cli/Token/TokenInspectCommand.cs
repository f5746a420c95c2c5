using MailSetup.App;
using System.CommandLine;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup token inspect FILE|-</c>: decodes a token (without checking its signature) and runs
/// the token rules for IMAP, POP and SMTP. Exit 0 when no finding is an error, 1 when one is, 2 on
/// bad input.
/// </summary>
internal sealed class TokenInspectCommand
{
    private static IReadOnlyList<string> Formats { get; } = ["text", "json"];
    private static IReadOnlyList<string> Protocols { get; } = ["imap", "pop", "smtp"];

    private readonly ToolServices _services;

    private readonly Argument<string> _source = new("FILE")
    {
        Description = "The file holding the access token, or - to read it from stdin.",
    };

    private readonly Option<string> _protocol = new("--protocol")
    {
        Description = "Check the token for one protocol: imap, pop or smtp (default: all three).",
        HelpName = "imap|pop|smtp",
    };

    private readonly Option<string> _format = new("--format")
    {
        Description = "Output format: text or json (default text).",
        HelpName = "text|json",
    };

    private readonly Option<string> _cloud = new("--cloud")
    {
        Description = $"The mailbox's cloud, for the expected audience: {string.Join(", ", CloudCatalog.Keys)} (default: any).",
        HelpName = string.Join('|', CloudCatalog.Keys),
    };

    private readonly Option<string> _tenant = new("--tenant") { Description = "The expected tenant id (GUID): a token from another tenant is flagged.", HelpName = "id" };

    private readonly Option<string> _clientId = new("--client-id") { Description = "The expected app (client) id: a token of another app is flagged.", HelpName = "id" };

    public TokenInspectCommand(ToolServices services)
    {
        _services = services;
        Command = new Command("inspect", "Decode an access token (no signature check) and check audience, roles or scopes, tenant, app and expiry for IMAP, POP and SMTP. The token itself is never printed.");
        Command.Add(_source);
        Command.Add(_protocol);
        Command.Add(_format);
        Command.Add(_cloud);
        Command.Add(_tenant);
        Command.Add(_clientId);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private TimeProvider Clock => _services.Clock;
    private TextReader Stdin => _services.Terminal.Input;

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var errors = new List<CliError>();
        var format = Choice(result, _format, Formats, errors) ?? Formats[0];
        var protocol = Choice(result, _protocol, Protocols, errors);
        var cloudKey = result.ValueOrDefault(_cloud);
        Cloud? cloud = null;
        if (cloudKey is not null && !CloudCatalog.TryParse(cloudKey, out cloud))
            errors.Add(new(_cloud.Name, $"unknown cloud '{cloudKey}'; expected one of {string.Join(", ", CloudCatalog.Keys)}."));
        var tenant = result.ValueOrDefault(_tenant);
        if (tenant is not null && !Guid.TryParse(tenant, out _))
            errors.Add(new(_tenant.Name, $"'{tenant}' is not a tenant id; expected a GUID (tid is always one)."));
        if (errors.Count > 0) return await ErrorReport.UsageAsync(error, errors, CommandPath.Of(result));

        var source = result.GetValue(_source)!;
        var (token, problem) = await TokenInput.ReadAsync(source, Stdin, cancellationToken);
        if (problem is null && !JwtClaims.TryDecode(token, out _))
            problem = new CliError(TokenInput.Subject(source), "is not a JWT (three base64url parts with a JSON header and payload); opaque tokens cannot be inspected.");
        if (problem is not null) return await ErrorReport.UsageAsync(error, [problem], CommandPath.Of(result));

        var claims = JwtClaims.Decode(token!);
        var protocols = protocol is null ? Enum.GetValues<MailProtocol>() : [Enum.Parse<MailProtocol>(protocol, ignoreCase: true)];
        var now = Clock.GetUtcNow();
        var facts = new DiagnosisFacts(now, AppId: result.ValueOrDefault(_clientId), Tenant: tenant, Cloud: cloud, Token: claims,
            Protocol: protocols.Length == 1 ? protocols[0] : null);
        var findings = new Diagnostician(Diagnostician.TokenRules()).Diagnose(facts);
        var inspection = new TokenInspection(claims, protocols, findings, now);

        await output.WriteAsync(format == "json" ? TokenInspectJson.Render(inspection) : TokenInspectText.Render(inspection));
        await output.FlushAsync(cancellationToken);
        return inspection.HasErrors ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string? Choice(ParseResult result, Option<string> option, IReadOnlyList<string> choices, List<CliError> errors)
    {
        var given = result.ValueOrDefault(option);
        if (given is null) return null;
        var wanted = given.Trim().ToLowerInvariant();
        if (choices.Contains(wanted)) return wanted;
        var near = NameSuggestions.Nearest(wanted, choices);
        var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
        errors.Add(new(option.Name, $"unknown {option.Name.TrimStart('-')} '{given}'{hint}; expected one of {string.Join(", ", choices)}."));
        return null;
    }
}
