using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>The real executable serving the sandbox: JSON on stdout, then a clean stop on SIGTERM.</summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class SandboxServeBinaryTests
{
    [Fact]
    public async Task Serve_runs_until_SIGTERM_and_exits_zero()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var folder = new TempFolder();
        var sandbox = await ServedSandbox.StartAsync(BuiltProgram.StartInfo("sandbox", "serve", "--mailboxes", "2"), folder.Path);
        await using (sandbox)
        {
            var json = sandbox.Report;
            Assert.StartsWith("https://127.0.0.1:", json["baseAddress"]!.GetValue<string>());
            Assert.Equal(Path.Combine(folder.Path, "mailsetup", "sandbox-tenant.json"), json["stateFile"]!.GetValue<string>());
            Assert.Equal(Path.Combine(folder.Path, "mailsetup", "sandbox-mail.pem"), json["mail"]!["certificateFile"]!.GetValue<string>());
            Assert.True(json["mail"]!["smtp"]!["port"]!.GetValue<int>() > 0);
            Assert.True(sandbox.ApprovalSecret.Length >= 32);

            var (exitCode, later, errors) = await sandbox.StopAsync();

            Assert.True(exitCode == 0, errors);
            Assert.Empty(later);
            Assert.EndsWith("mailsetup: sandbox stopped.", errors.TrimEnd());
            Assert.DoesNotContain(sandbox.ApprovalSecret, errors); // the secret is in the JSON line only
            Assert.True(File.Exists(json["stateFile"]!.GetValue<string>()));
        }
    }
}
