using System.Diagnostics;
using System.Runtime.InteropServices;

namespace MailSetup.Testing.Dovecot;

/// <summary>
/// Makes sure Dovecot is on the machine: installs Debian's packages when running as root, otherwise fails
/// loudly. Tests against a real server must never pass by being skipped.
/// </summary>
public static class DovecotInstallation
{
    public const string Executable = "/usr/sbin/dovecot";

    private static readonly string[] Packages = ["dovecot-core", "dovecot-imapd", "dovecot-pop3d", "dovecot-submissiond"];

    public static bool IsRoot => geteuid() == 0;

    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(Executable)) return;
        if (!IsRoot)
            throw new InvalidOperationException(
                $"Dovecot is not installed ({Executable} is missing) and the tests are not running as root, so they cannot install it. " +
                $"Install it with: sudo apt-get install -y {string.Join(' ', Packages)}");

        var start = new ProcessStartInfo("apt-get") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["install", "-y", "--no-install-recommends", .. Packages]) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("apt-get could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(Executable))
            throw new InvalidOperationException(
                "Installing Dovecot with apt-get failed " +
                $"(exit {process.ExitCode}):\n{await output.ConfigureAwait(false)}\n{await errors.ConfigureAwait(false)}");
    }

    [DllImport("libc")]
    private static extern uint geteuid();
}
