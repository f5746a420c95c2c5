using System.Diagnostics;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>
/// <c>diagnose --sandbox</c> adds a temporary client secret for the app's token; the real program, stopped by SIGTERM or SIGHUP (a killed
/// job, a dropped SSH session) while it works, still removes it.
/// </summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class DiagnoseSignalBinaryTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private readonly TempFolder _state = new();

    public void Dispose() => _state.Dispose();

    private ProcessStartInfo Start(params string[] args)
    {
        var start = BuiltProgram.StartInfo(args);
        start.Environment["XDG_STATE_HOME"] = _state.Path;
        return start;
    }

    private List<string> TemporarySecrets() =>
        new SandboxStateStore(Path.Combine(_state.Path, "mailsetup", "sandbox-tenant.json")).Load()!.Applications
            .SelectMany(a => a.PasswordCredentials).Where(p => p.DisplayName == SandboxDiagnosisSession.TemporarySecretName)
            .Select(p => p.KeyId).ToList();

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task A_signal_while_diagnosing_still_removes_the_temporary_secret(string signal)
    {
        using (var apply = Process.Start(Start("apply", "--sandbox", "--preset", "imap-app,pop-app,smtp-app", "--app-name", "Mail Relay",
            "--mailbox", Support, "--yes", "--secret-out", _state.File("secret.txt")))!)
        {
            var applyErrors = apply.StandardError.ReadToEndAsync();
            await apply.StandardOutput.ReadToEndAsync();
            await apply.WaitForExitAsync();
            Assert.True(apply.ExitCode == 0, await applyErrors);
        }

        using var diagnose = Process.Start(Start("diagnose", "all", "--sandbox", "--mailbox", Support))!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = diagnose.StandardOutput.ReadToEndAsync(timeout.Token);
        var seen = new System.Text.StringBuilder();
        // The moment the secret exists (the program says so), the signal comes: the logins and findings are still ahead.
        while (await diagnose.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (!line.Contains("added a temporary client secret", StringComparison.Ordinal)) continue;
            using var kill = Process.Start("kill", ["-" + signal, diagnose.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(timeout.Token);
            break;
        }
        seen.Append(await diagnose.StandardError.ReadToEndAsync(timeout.Token));
        await diagnose.WaitForExitAsync(timeout.Token);
        await stdout;

        Assert.Contains("added a temporary client secret", seen.ToString());
        Assert.True(TemporarySecrets().Count == 0, $"a temporary secret is left (exit {diagnose.ExitCode}):\n{seen}");
    }
}
