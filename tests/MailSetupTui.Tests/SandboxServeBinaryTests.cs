using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace MailSetupTui.Tests;

/// <summary>The real executable serving the sandbox: JSON on stdout, then a clean stop on SIGTERM.</summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class SandboxServeBinaryTests
{
    [Fact]
    public async Task ServeRunsUntilSigtermAndExitsZero()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        using var folder = new TempFolder();
        var start = BuiltProgram.StartInfo("sandbox", "serve", "--mailboxes", "2");
        start.Environment["XDG_STATE_HOME"] = folder.Path;

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            var json = JsonNode.Parse(line!)!.AsObject();
            Assert.StartsWith("https://127.0.0.1:", json["baseAddress"]!.GetValue<string>());
            Assert.Equal(Path.Combine(folder.Path, "mailsetup", "sandbox-tenant.json"), json["stateFile"]!.GetValue<string>());
            Assert.Equal(Path.Combine(folder.Path, "mailsetup", "sandbox-mail.pem"), json["mail"]!["certificateFile"]!.GetValue<string>());
            Assert.True(json["mail"]!["smtp"]!["port"]!.GetValue<int>() > 0);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync(timeout.Token);
            var rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, stderr);
            Assert.Empty(rest);
            Assert.EndsWith("mailsetup: sandbox stopped.", stderr.TrimEnd());
            Assert.True(File.Exists(json["stateFile"]!.GetValue<string>()));
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
