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
internal sealed class TokenInspectCommand : CliCommand<TokenInspectCommand.Input>
{
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

    private readonly FormatOption _format = new(["text", "json"], "Output format: text or json (default text).");
    private readonly Option<string> _cloud = CommonOptions.Cloud("The mailbox's cloud, for the expected audience", "default: any");
    private readonly Option<string> _tenant = CommonOptions.Tenant("The expected tenant id (GUID): a token from another tenant is flagged.", "id");
    private readonly Option<string> _clientId = CommonOptions.ClientId("The expected app (client) id: a token of another app is flagged.", "id");

    public TokenInspectCommand(ToolServices services)
        : base("inspect",
            "Decode an access token (no signature check) and check audience, roles or scopes, tenant, app and expiry for IMAP, POP and SMTP. "
            + "The token itself is never printed.")
    {
        _services = services;
        Add(_source, _protocol, _format.Option, _cloud, _tenant, _clientId);
    }

    internal sealed record Input(string Source, string Format, MailProtocol? Protocol, Cloud? Cloud, string? Tenant, string? ClientId);

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var format = _format.Read(result, errors);
        var protocol = Choice(result, _protocol, Protocols, errors);
        var cloud = CommonOptions.ReadCloud(result, _cloud, errors);
        // The token's tid is always a GUID: a domain here could never match.
        var tenant = result.ValueOrDefault(_tenant);
        if (tenant is not null && !Guid.TryParse(tenant, out _))
            errors.Add(new(_tenant.Name, $"'{tenant}' is not a tenant id; expected a GUID (tid is always one)."));
        var source = result.ValueOrDefault(_source);
        if (source is not null && source != TokenInput.Stdin && InputFile.PathProblem(source, "a file holding one access token (or - for stdin)")
            is { } sourceProblem)
        {
            errors.Add(new(_source.Name, sourceProblem));
            source = null;
        }
        return Task.FromResult(format is null || source is null ? null
            : new Input(source, format, protocol is null ? null : Enum.Parse<MailProtocol>(protocol, ignoreCase: true), cloud, tenant,
                result.ValueOrDefault(_clientId)));
    }

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var (token, problem) = await TokenInput.ReadAsync(input.Source, _services.Terminal.Input, cancellationToken);
        if (problem is null && !JwtClaims.TryDecode(token, out _))
            problem =
                new CliError(TokenInput.Subject(input.Source),
                    "is not a JWT (three base64url parts with a JSON header and payload); opaque tokens cannot be inspected.");
        if (problem is not null) return await io.UsageAsync([problem]);

        var claims = JwtClaims.Decode(token!);
        MailProtocol[] protocols = input.Protocol is { } one ? [one] : Enum.GetValues<MailProtocol>();
        var now = _services.Clock.GetUtcNow();
        var facts = new DiagnosisFacts(now, AppId: input.ClientId, Tenant: input.Tenant, Cloud: input.Cloud, Token: claims, Protocol: input.Protocol);
        var findings = new Diagnostician(Diagnostician.TokenRules()).Diagnose(facts);
        var inspection = new TokenInspection(claims, protocols, findings, now);

        await io.Output.WriteAsync(input.Format == "json" ? TokenInspectJson.Render(inspection) : TokenInspectText.Render(inspection));
        await io.Output.FlushAsync(cancellationToken);
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
