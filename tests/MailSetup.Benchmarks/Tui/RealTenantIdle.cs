using System.Diagnostics;
using System.Text.RegularExpressions;
using MailSetup.Testing;

namespace MailSetup.Benchmarks.Tui;

/// <summary>
/// Idle RSS on a real tenant's code path, the process an admin keeps open on a jump host:
/// <c>mailsetup --tenant contoso.onmicrosoft.com</c> in the pty, signed in by the device code its
/// Tenant pane shows, to <c>mailsetup sandbox serve</c> running as another process and reached under
/// Microsoft's host names through a CONNECT proxy (HTTPS_PROXY) with its certificate trusted by
/// SSL_CERT_FILE. Unlike the default runs, the simulated tenant is not inside the measured process.
/// </summary>
internal static partial class RealTenantIdle
{
    private static readonly byte[] SignedIn = "] signed in"u8.ToArray();
    private static readonly byte[] FrameEnd = "\e[?2026l"u8.ToArray();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<List<ProcessMemory>> MeasureAsync(string binary, int runs, IReadOnlyDictionary<string, string> productEnvironment)
    {
        using var state = new TempFolder();
        var serve = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "sandbox", "serve", "--mailboxes", "50" }) serve.ArgumentList.Add(arg);
        await using var sandbox = await ServedSandbox.StartAsync(serve, state.Path);
        await using var proxy = new ConnectProxy(sandbox.Endpoint);
        var client = await sandbox.ClientEnvironmentAsync(proxy, state.Path);

        var results = new List<ProcessMemory>();
        for (var r = 0; r < runs; r++)
        {
            var environment = new Dictionary<string, string>(productEnvironment);
            foreach (var (name, value) in client) environment[name] = value;
            using var run = PtyRun.Start($"exec '{binary}' --tenant contoso.onmicrosoft.com", 120, 40, environment);
            var code = await DeviceCodeAsync(run);
            await sandbox.ApproveDeviceCodeAsync(code, "admin@contoso.onmicrosoft.com");
            var signed = run.WaitFor(SignedIn, 0, Patience) ?? throw new InvalidOperationException("the real-tenant sign-in did not finish");
            run.WaitFor(FrameEnd, signed.End, Patience);
            if (run.ChildPid("mailsetup", TimeSpan.FromSeconds(2)) is { } pid)
            {
                // Idle as in the default runs: signed in, the directory read, nothing typed, for 5 s.
                Thread.Sleep(TimeSpan.FromSeconds(5));
                if (PtyRun.Memory(pid) is { } memory) results.Add(memory);
            }
            run.Send("q");
            run.WaitForExit(TimeSpan.FromSeconds(10));
        }
        return results;
    }

    /// <summary>The user code as the Tenant pane shows it, read off the emulated screen.</summary>
    private static async Task<string> DeviceCodeAsync(PtyRun run)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            // The emulated screen takes whole frames only: everything up to the last frame's end.
            var bytes = run.Snapshot(0, run.Length);
            var end = bytes.AsSpan().LastIndexOf(FrameEnd);
            var screen = new VirtualScreen(120, 40);
            if (end >= 0) screen.Apply(bytes.AsSpan(0, end + FrameEnd.Length));
            if (screen.Text.Select(row => Code().Match(row)).FirstOrDefault(m => m.Success) is { } found) return found.Groups[1].Value;
            await Task.Delay(50);
        }
        throw new InvalidOperationException("no device code on the screen");
    }

    [GeneratedRegex(@"code: ([A-Z0-9]{6,})")]
    private static partial Regex Code();
}
