using MailSetup.App;
using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>
/// What plain <c>mailsetup</c> prints where the terminal UI cannot run (no terminal, TERM=dumb):
/// the commands that do the same work.
/// </summary>
internal static class RootUsage
{
    public static async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        await output.WriteAsync($"""
            mailsetup {ProductVersion.Current}: sets up Microsoft 365 mail OAuth2 for IMAP, POP, SMTP and Graph.

            Without a terminal, use the commands:
              mailsetup presets                 list the scenario presets
              mailsetup plan --preset imap-app --app-name "Mail reader" --mailbox support@contoso.com
                                                show the setup steps, changing nothing
              mailsetup apply --preset imap-app --app-name "Mail reader" --mailbox support@contoso.onmicrosoft.com
                                                apply them to the sandbox tenant (or --tenant ID)
              mailsetup sandbox serve           run the sandbox tenant for other clients

            Run 'mailsetup --help' for all commands and 'mailsetup plan --help' for the plan options.

            """);
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
