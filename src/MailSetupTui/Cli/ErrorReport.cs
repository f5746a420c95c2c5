using MailSetup.App;
namespace MailSetupTui.Cli;

/// <summary>Writes problems to stderr in one shape, so scripts and people can rely on it.</summary>
internal static class ErrorReport
{
    /// <summary>Every problem on its own line, then where to read about usage; returns <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> UsageAsync(TextWriter error, IEnumerable<CliError> errors, string commandPath)
    {
        foreach (var problem in errors)
            await error.WriteLineAsync($"mailsetup: error: {problem.Subject}: {problem.Message}");
        await error.WriteLineAsync($"Run '{commandPath} --help' for usage.");
        return ExitCodes.Usage;
    }

    /// <summary>A failure of the work itself (not of the command line): no usage hint; returns <see cref="ExitCodes.Failure"/>.</summary>
    public static async Task<int> FailureAsync(TextWriter error, CliError problem)
    {
        await error.WriteLineAsync($"mailsetup: error: {problem.Subject}: {problem.Message}");
        return ExitCodes.Failure;
    }
}
