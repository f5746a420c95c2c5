using System.CommandLine;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>
/// Reads and checks the setup options of a parse (plan and apply share them): mailbox files, the
/// core's checks of every value, host overrides. All problems are collected; none stops the others.
/// </summary>
internal static class SetupRequestReader
{
    public static async Task<SetupRequest?> ReadAsync(ParseResult result, SetupOptions options, List<CliError> errors,
        CancellationToken cancellationToken)
    {
        // File problems come first: they often explain a later "no mailboxes were given".
        var files = await MailboxFileReader.ReadAsync(result.ValueOrDefault(options.MailboxesFile) ?? [], errors, cancellationToken);
        var input = new SetupRequestInput
        {
            Presets = result.ValueOrDefault(options.Preset),
            AppName = result.ValueOrDefault(options.AppName),
            AppId = result.ValueOrDefault(options.AppId),
            Mailboxes = result.ValueOrDefault(options.Mailbox) ?? [],
            MailboxFiles = files,
            SendAs = result.ValueOrDefault(options.SendAs),
            Scope = result.ValueOrDefault(options.Scope),
            ScopeGroup = result.ValueOrDefault(options.ScopeGroup),
            Cloud = result.ValueOrDefault(options.Cloud),
            SecretDays = result.ValueOrDefault(options.SecretDays),
            Certificate = result.ValueOrDefault(options.Certificate),
            DelegatedFlow = result.ValueOrDefault(options.DelegatedFlow),
            SmtpAuth = result.ValueOrDefault(options.SmtpAuth),
        };
        var (request, inputErrors) = SetupRequestParser.Parse(input, SetupOptionNames.Instance);
        errors.AddRange(inputErrors.Select(e => new CliError(SetupOptionNames.Instance.Subject(e), e.Message)));
        var overrides = ReadHostOverrides(result, options, errors);
        if (request is null || overrides is null) return request;
        return request with { Cloud = request.Cloud.WithOverrides(overrides) };
    }

    private static CloudHostOverrides? ReadHostOverrides(ParseResult result, SetupOptions options, List<CliError> errors)
    {
        var hosts = new List<string?>();
        foreach (var option in options.Hosts)
        {
            var host = result.ValueOrDefault(option)?.Trim();
            if (host is not null && HostName.Problem(host) is { } problem)
                errors.Add(new(option.Name, $"{InputFile.Shown(host)} {problem}; expected a bare host name like graph.microsoft.us."));
            hosts.Add(host);
        }
        if (hosts.All(h => h is null)) return null;
        return new CloudHostOverrides(Login: hosts[0], Graph: hosts[1], Exchange: hosts[2], Smtp: hosts[3]);
    }
}
