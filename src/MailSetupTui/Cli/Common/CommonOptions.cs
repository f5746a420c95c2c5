using System.CommandLine;
using MailSetup.Core.Clouds;

namespace MailSetupTui.Cli;

/// <summary>
/// Options several commands take, declared once: their names, how help shows them, and how their
/// values are read and checked, so every command says the same thing about the same mistake. Each
/// command still says in its description what the option means for it.
/// </summary>
internal static class CommonOptions
{
    private static string CloudKeys => string.Join(", ", CloudCatalog.Keys);

    public static Option<string> Cloud(string description, string defaultText = "default global") => new("--cloud")
    {
        Description = $"{description}: {CloudKeys} ({defaultText}).",
        HelpName = string.Join('|', CloudCatalog.Keys),
    };

    public static Option<bool> Sandbox(string description) => new("--sandbox") { Description = description };

    public static Option<string> Tenant(string description, string helpName = "id|domain") =>
        new("--tenant") { Description = description, HelpName = helpName };

    public static Option<string> ClientId(string description, string helpName = "guid") =>
        new("--client-id") { Description = description, HelpName = helpName };

    public static Option<string> Auth(string description, string helpName) => new("--auth") { Description = description, HelpName = helpName };

    /// <summary>The cloud given, or null when none was; an unknown key is reported.</summary>
    public static Cloud? ReadCloud(ParseResult result, Option<string> option, List<CliError> errors)
    {
        var key = result.ValueOrDefault(option);
        if (key is null) return null;
        if (CloudCatalog.TryParse(key, out var cloud)) return cloud;
        errors.Add(new(option.Name, $"unknown cloud '{key}'; expected one of {CloudKeys}."));
        return null;
    }

    /// <summary>The tenant given (trimmed), or null; one that cannot be a tenant id or domain is reported.</summary>
    public static string? ReadTenant(ParseResult result, Option<string> option, List<CliError> errors)
    {
        var tenant = result.ValueOrDefault(option)?.Trim();
        if (tenant is not null && TenantProblem(tenant) is { } problem)
            errors.Add(new(option.Name,
                $"{InputFile.Shown(tenant)} is not a tenant ({problem}); "
                + "expected its id (a GUID) or a verified domain such as contoso.onmicrosoft.com."));
        return tenant;
    }

    /// <summary>Null when <paramref name="tenant"/> is a GUID or a DNS domain name, else what is wrong with it.</summary>
    public static string? TenantProblem(string tenant) =>
        Guid.TryParse(tenant, out _) ? null
        : tenant.Any(char.IsControl) ? "it holds a control character"
        : HostName.Problem(tenant);

    /// <summary>The client id given (trimmed), or null; one that is not a GUID is reported.</summary>
    public static string? ReadClientId(ParseResult result, Option<string> option, List<CliError> errors)
    {
        var clientId = result.ValueOrDefault(option)?.Trim();
        if (clientId is not null && !Guid.TryParse(clientId, out _))
            errors.Add(new(option.Name, $"{InputFile.Shown(clientId)} is not a client id; expected a GUID."));
        return clientId;
    }

    /// <summary>--sandbox and --tenant name two different places to work: both at once is reported.</summary>
    public static void CheckSandboxOrTenant(bool sandbox, string? tenant, List<CliError> errors)
    {
        if (sandbox && tenant is not null) errors.Add(new("--sandbox/--tenant", "give --sandbox or --tenant, not both."));
    }
}
