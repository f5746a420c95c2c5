using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Testing.Dovecot;

namespace MailSetup.Benchmarks;

/// <summary>
/// Connect-to-authenticated time against one private Dovecot (the tests' fixture), ours against curl, for IMAP
/// (implicit TLS), POP (implicit TLS) and SMTP (STARTTLS), all with OAUTHBEARER (what curl picks when the server
/// offers it) and the same fresh token.
/// <para>
/// What is compared: ours is the probe run in-process (connect, TLS, authenticate, one command, goodbye) on a
/// warm runtime; curl is its process wall time for the same login with one command (IMAP: EXAMINE INBOX, POP: LIST,
/// SMTP: NOOP). A process start is not login work, so the ratio is taken against curl's wall time minus its own
/// start cost (the median of <c>curl --version</c>); the raw ratio and our own binary
/// (<c>mailsetup diagnose</c>, a process with a cold .NET runtime) are reported beside it.
/// </para>
/// </summary>
internal static class MailLoginMeasurement
{
    private const string Curl = "/usr/bin/curl";
    private const double TargetRatio = 1.2;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Case(string Name, MailProbe Probe, int Port, TlsMode Tls, string CurlUrl, string[] CurlExtra, string DiagnoseProtocol,
        string DiagnoseTls);

    private sealed record Row(string Name, double Ours, double CurlWall, double CurlOwn, double OursBinary, string Operations, string Stages);

    public static async Task<int> MainAsync(string[] args)
    {
        var runs = 20;
        string? outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--runs" when i + 1 < args.Length: runs = int.Parse(args[++i], Invariant); break;
                case "--out" when i + 1 < args.Length: outPath = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }
        if (!File.Exists(Curl))
        {
            Console.Error.WriteLine($"{Curl} is missing.");
            return 2;
        }

        var loadBefore = LoadAverage();
        await using var dovecot = await DovecotServer.StartAsync(CancellationToken.None);
        var token = dovecot.Tokens.Good(DovecotServer.User);
        var trusted = MailConnectionOptions.TrustPem(dovecot.CertificatePath);
        var binary = FindOurBinary();

        Case[] cases =
        [
            new("IMAP (993-style implicit TLS)", new ImapProbe(), dovecot.Ports.Imaps, TlsMode.Implicit,
                $"imaps://{DovecotServer.Host}:{dovecot.Ports.Imaps}/", ["-X", "EXAMINE INBOX"], "imap", "implicit"),
            new("POP (995-style implicit TLS)", new Pop3Probe(), dovecot.Ports.Pop3s, TlsMode.Implicit,
                $"pop3s://{DovecotServer.Host}:{dovecot.Ports.Pop3s}/", [], "pop", "implicit"),
            new("SMTP (587-style STARTTLS)", new SmtpProbe(), dovecot.Ports.Submission, TlsMode.StartTls,
                $"smtp://{DovecotServer.Host}:{dovecot.Ports.Submission}/", ["--ssl-reqd", "-X", "NOOP"], "smtp", "starttls"),
        ];

        var curlStart = new List<double>();
        var ourStart = new List<double>();
        var rows = new List<Row>();
        foreach (var c in cases)
        {
            var ours = new List<double>();
            var stages = new Dictionary<MailSetup.Core.Mail.Tracing.TraceStage, List<double>>();
            var curl = new List<double>();
            var curlOwn = new List<double>();
            var oursBinary = new List<double>();
            // Warm-up (JIT, Dovecot's first login processes), then interleaved runs so drift hits all alike.
            for (var i = -3; i < runs; i++)
            {
                var (a, timings) = await OursAsync(c, token, trusted);
                var (b, own) = await CurlAsync(c, token, dovecot.CertificatePath);
                var d = binary is null ? double.NaN : await OurBinaryAsync(binary, c, token, dovecot.CertificatePath);
                if (c == cases[0])
                {
                    var s1 = await ProcessAsync(Curl, ["--version"], null);
                    var s2 = binary is null ? double.NaN : await ProcessAsync("dotnet", [binary, "--version"], null);
                    if (i >= 0)
                    {
                        curlStart.Add(s1);
                        ourStart.Add(s2);
                    }
                }
                if (i < 0) continue;
                ours.Add(a);
                foreach (var (stage, time) in timings)
                {
                    if (!stages.TryGetValue(stage, out var list)) stages[stage] = list = [];
                    list.Add(time.TotalMilliseconds);
                }
                curl.Add(b);
                curlOwn.Add(own);
                oursBinary.Add(d);
            }
            var operations = c.DiagnoseProtocol switch
            {
                "imap" =>
                    "ours: AUTHENTICATE (SASL-IR), LIST, EXAMINE INBOX, LOGOUT; curl: CAPABILITY, AUTHENTICATE (SASL-IR), EXAMINE INBOX, LOGOUT",
                "pop" => "ours: CAPA, AUTH, STAT, QUIT; curl: CAPA, AUTH, LIST, QUIT",
                _ => "ours: EHLO, STARTTLS, EHLO, AUTH, QUIT; curl: EHLO, STARTTLS, EHLO, AUTH, NOOP, QUIT",
            };
            var stageText =
                string.Join(", ",
                    stages.OrderBy(s => s.Key).Select(s => $"{s.Key.ToString().ToLowerInvariant()} {Median(s.Value).ToString("0.0", Invariant)} ms"));
            rows.Add(new Row(c.Name, Median(ours), Median(curl), Median(curlOwn), Median(oursBinary), operations, stageText));
            Console.WriteLine($"  ours by stage: {stageText}");
            Console.WriteLine($"{c.Name}: ours {Median(ours):0.00} ms, curl {Median(curl):0.00} ms, our binary {Median(oursBinary):0.0} ms");
        }

        var report = Report(runs, rows, Median(curlStart), Median(ourStart), binary is not null, loadBefore, LoadAverage());
        var path = outPath ?? Path.Combine(ApplyMeasurement.ResultsFolder(), "mail-login-vs-curl.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
        return 0;
    }

    private static async Task<(double, IReadOnlyDictionary<MailSetup.Core.Mail.Tracing.TraceStage, TimeSpan>)> OursAsync(Case c, string token,
        System.Security.Cryptography.X509Certificates.X509Certificate2Collection trusted)
    {
        var request = new MailProbeRequest
        {
            Host = DovecotServer.Host,
            Port = c.Port,
            Tls = c.Tls,
            Mechanism = SaslMechanismKind.OAuthBearer,
            Mailbox = DovecotServer.User,
            Token = token,
            Options = new MailConnectionOptions { TlsServerName = "localhost", TrustedCertificates = trusted },
        };
        var clock = Stopwatch.StartNew();
        var result = await c.Probe.RunAsync(request, CancellationToken.None);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!result.Succeeded) throw new InvalidOperationException($"{c.Name}: our probe failed: {result.FinalAnswer} {result.Failure}");
        return (elapsed, result.StageTimings);
    }

    /// <summary>curl's wall time, and its own time_total (from name lookup to the end of the transfer: no process start, no QUIT at exit).</summary>
    private static async Task<(double Wall, double Own)> CurlAsync(Case c, string token, string certificate)
    {
        // The token goes in through a config on stdin, not the command line, where any process listing would show it.
        var config = $"oauth2-bearer = \"{token}\"\nuser = \"{DovecotServer.User}\"\n";
        var (wall, output) =
            await ProcessWithOutputAsync(Curl,
                ["-s", "-S", "-o", "/dev/null", "-w", "%{time_total}", "--cacert", certificate, "-K", "-", .. c.CurlExtra, c.CurlUrl], config);
        return (wall, double.Parse(output.Trim(), Invariant) * 1000);
    }

    private static Task<double> OurBinaryAsync(string binary, Case c, string token, string certificate) =>
        ProcessAsync("dotnet",
            [binary, "diagnose", c.DiagnoseProtocol, "--host", DovecotServer.Host, "--port", c.Port.ToString(Invariant), "--tls", c.DiagnoseTls,
            "--mech", "oauthbearer", "--mailbox", DovecotServer.User, "--token-file", "-", "--trust-cert", certificate, "--format", "json"],
            token + "\n");

    private static async Task<double> ProcessAsync(string file, string[] arguments, string? stdin) =>
        (await ProcessWithOutputAsync(file, arguments, stdin)).Wall;

    /// <summary>Wall time of one process from start to exit, in ms, and its output; a non-zero exit is an error (the login did not work).</summary>
    private static async Task<(double Wall, string Output)> ProcessWithOutputAsync(string file, string[] arguments, string? stdin)
    {
        var start =
            new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var text = await output;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {arguments.FirstOrDefault()} exited with {process.ExitCode}: {(await errors).Trim()}");
        return (elapsed, text);
    }

    /// <summary>The Release build of <c>mailsetup</c> beside this repository's source, if it was built.</summary>
    private static string? FindOurBinary()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MailSetupTui", "bin", "Release", "net10.0", "mailsetup.dll");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0 || values.Any(double.IsNaN)) return double.NaN;
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The 1-minute load average: the machine is shared, and a busy one widens every number here.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Report(int runs, List<Row> rows, double curlStart, double ourStart, bool haveBinary, string loadBefore, string loadAfter)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        string Ms(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.0", Invariant) + " ms";
        string X(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", Invariant) + "x";

        Line("# Mail login: ours versus curl, against the same private Dovecot");
        Line();
        Line($"- date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC");
        Line(
            $"- machine: {Environment.ProcessorCount} cores " +
            $"(Environment.ProcessorCount), {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}");
        Line(
            $"- .NET: {RuntimeInformation.FrameworkDescription}; curl: {CurlVersion()}; load average (1 min) {loadBefore} before, {loadAfter} " +
            $"after: a shared, busy machine, so single runs vary by tens of percent");
        Line(
            $"- server: Dovecot 2.3 from the tests' fixture (tests/MailSetup.Testing/Dovecot) on 127.0.0.1, " +
            $"self-signed certificate trusted explicitly by both clients (ours: TrustedCertificates, curl: --cacert)");
        Line(
            $"- login: OAUTHBEARER with one fresh test token (curl chooses OAUTHBEARER when offered; ours is told to), " +
            $"the token passed to curl on stdin (-K -)");
        Line($"- runs: {runs} per client and protocol after 3 warm-up runs, interleaved (ours, curl, our binary, ...); medians shown");
        Line();
        Line(
            "Like with like: `ours` is the probe in-process on a warm runtime (DNS skipped, an IP is given; connect, TLS, authenticate, " +
            "one command, goodbye), timed with a Stopwatch around `RunAsync`. " +
             "`curl` is the wall time of a curl process doing the same login and one command. A process start is no login work, " +
             "so the headline ratio divides ours by curl's wall time minus " +
             $"curl's own start cost (median `curl --version`: {Ms(curlStart)}). The raw ratio (curl's process start included) and our own binary " +
             $"(`dotnet mailsetup.dll diagnose ... --format json`, a cold .NET process; median `mailsetup --version`: {Ms(ourStart)}) " +
             $"are shown for the whole picture.");
        Line();
        Line(
            "| protocol | ours (in-process) | curl (process) | curl minus its start | **ours / (curl - start)** | ours / curl | curl's own " +
            "time_total | ours / curl time_total | our binary (process) | our binary / curl |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            var net = r.CurlWall - curlStart;
            Line(
                $"| {r.Name} | {Ms(r.Ours)} | {Ms(r.CurlWall)} | {Ms(net)} | **{X(r.Ours / net)}** | {X(r.Ours / r.CurlWall)} | {Ms(r.CurlOwn)} " +
                $"| {X(r.Ours / r.CurlOwn)} | {Ms(r.OursBinary)} | {X(r.OursBinary / r.CurlWall)} |");
        }
        Line();
        Line(
            "curl's own `time_total` (`-w %{time_total}`) is shown too: it leaves out the process start but also the goodbye, " +
            "which curl sends only when it " +
             "closes its connections at exit (Dovecot's log shows `Logged out`), while ours waits for the goodbye's answer; " +
             "it is the strictest comparison, not a like-for-like one.");
        Line();
        Line("Commands on the wire:");
        Line();
        foreach (var r in rows) Line($"- {r.Name}: {r.Operations}");
        Line();
        Line("Where our time goes (median per stage, from the probe's own trace):");
        Line();
        foreach (var r in rows) Line($"- {r.Name}: {r.Stages}");
        Line();
        var worst = rows.Max(r => r.Ours / (r.CurlWall - curlStart));
        Line(
            $"Target: ours / curl (login work, process start excluded) at most {TargetRatio.ToString("0.0", Invariant)}: " +
            $"**{(worst <= TargetRatio ? "met" : "not met")}** (worst {X(worst)}).");
        if (!haveBinary) Line("Our binary was not timed: build it first with `dotnet build -c Release src/MailSetupTui`.");
        Line();
        Line(
            "Made with `dotnet build -c Release src/MailSetupTui && dotnet run -c Release --project tests/MailSetup.Benchmarks -- mail` (as root: " +
            "the fixture starts Dovecot).");
        return text.ToString();
    }

    private static string CurlVersion()
    {
        var start = new ProcessStartInfo(Curl, "--version") { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var first = process.StandardOutput.ReadLine() ?? "";
        process.WaitForExit();
        return string.Join(' ', first.Split(' ').Take(2));
    }
}
