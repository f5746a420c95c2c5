using MailSetup.App.Workspaces;

namespace MailSetupTui.Cli;

/// <summary>
/// Opens the <see cref="Workspace"/> a <see cref="TenantTarget"/> names, for apply and rollback, with
/// the command line's status lines on stderr (a device code to enter, the Exchange API's status).
/// Nothing secret goes there.
/// </summary>
internal static class TenantWorkspace
{
    public static async Task<Workspace> OpenAsync(TenantTarget target, ToolServices services, TextWriter status, CancellationToken cancellationToken)
    {
        if (target.Sandbox)
            return await Workspace.OpenSandboxAsync(services.Folders, services.Clock, mailServers: false,
                line => status.WriteLineAsync("mailsetup: " + line), cancellationToken);
        var workspace = Workspace.OpenTenant(target.SignIn!, services.Environment, async (code, _) =>
            await status.WriteLineAsync($"mailsetup: to sign in, open {code.VerificationUri} on any device and enter the code {code.UserCode}"));
        await status.WriteLineAsync(
            "mailsetup: Exchange steps run through Exchange's admin API, which Microsoft does not document or support (experimental); "
            + "the supported path for them is the script from 'mailsetup plan --format powershell'.");
        return workspace;
    }
}
