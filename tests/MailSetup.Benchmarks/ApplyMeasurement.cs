using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;

namespace MailSetup.Benchmarks;

/// <summary>
/// End to end, timed once with a stopwatch: an imap-app plan for N seeded user mailboxes applied to
/// a fresh in-memory sandbox with latency added to every call, through the production wiring
/// (<see cref="TenantClients"/> over the sandbox's handler, <see cref="PlanRunner"/>), first with
/// the runner's default concurrency, then sequentially. Writes a Markdown table and prints it.
/// </summary>
internal static class ApplyMeasurement
{
    private const int TargetMailboxes = 1000;
    private static readonly TimeSpan TargetLatency = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan TargetWallTime = TimeSpan.FromSeconds(15);
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Options(int Mailboxes, TimeSpan Latency, string? Out);

    private sealed record Measurement(string Name, int Concurrency, TimeSpan Wall, int Calls, int Peak, int Retryable, int Retries,
        ApplyResult Result)
    {
        public string? FirstFailure => Result.Steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed) is { } failed
            ? $"step {failed.Number} {failed.Step.Key}: {failed.Detail}"
            : null;
    }

    public static async Task<int> MainAsync(string[] args)
    {
        if (Parse(args) is not { } options) return 2;
        var defaultConcurrency = DefaultConcurrency();

        // JIT, the Graph SDK's and ASP.NET Core's first-call costs: paid here, not by the first run measured.
        await RunAsync("warm-up", 5, TimeSpan.Zero, concurrency: null, progress: false);

        var concurrent =
            await RunAsync($"default concurrency ({defaultConcurrency})", options.Mailboxes, options.Latency, concurrency: null, progress: true);
        var sequential = await RunAsync("sequential", options.Mailboxes, options.Latency, concurrency: 1, progress: true);

        var report = Report(options, concurrent, sequential);
        var path = options.Out ?? Path.Combine(ResultsFolder(), $"apply-{options.Mailboxes}-mailboxes.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");

        foreach (var m in new[] { concurrent, sequential }.Where(m => !m.Result.Succeeded))
            Console.Error.WriteLine($"{m.Name}: the run failed: {m.FirstFailure ?? "no steps ran"}");
        return concurrent.Result.Succeeded && sequential.Result.Succeeded ? 0 : 1;
    }

    private static async Task<Measurement> RunAsync(string name, int mailboxCount, TimeSpan latency, int? concurrency, bool progress)
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System, new TenantSeedOptions { UserMailboxes = mailboxCount });
        await using var host = SandboxHost.CreateInMemory(tenant);
        if (latency > TimeSpan.Zero) host.Faults.Add(FaultMatch.Any, SandboxFault.Latency(latency), FaultOccurrences.Every);

        // TenantClients' Graph client owns (and disposes) its final handler; the counter is that handler.
        var counter = new InFlightCounter { InnerHandler = host.CreateHandler() };
        using var clients = new TenantClients(new StaticToken(), CloudCatalog.Global, tenant.TenantId, counter, exchangeExperimental: false);
        var folder = Directory.CreateTempSubdirectory("mailsetup-bench-");
        try
        {
            var plan = BuildPlan(tenant);
            var certificates = new CertificateMaker(folder.FullName, TimeProvider.System);
            var retry = new RetryPolicy();
            var runner = concurrency is { } limit
                ? new PlanRunner(clients.Graph, clients.Exchange, certificates, new DiscardingSink(), TimeProvider.System, retry, limit)
                : new PlanRunner(clients.Graph, clients.Exchange, certificates, new DiscardingSink(), TimeProvider.System, retry);

            var finished = 0;
            var retries = 0;
            var total = plan.Steps.Count;
            var tenth = Math.Max(1, total / 10);
            if (progress) Console.Error.WriteLine(
                $"{name}: {total} steps for {mailboxCount} mailboxes, {latency.TotalMilliseconds:0} ms added to every call");
            var watch = Stopwatch.StartNew();
            void OnEvent(StepEvent e)
            {
                if (e is StepEvent.Retrying) Interlocked.Increment(ref retries);
                if (e is StepEvent.Finished && Interlocked.Increment(ref finished) is var done && progress && (done % tenth == 0 || done == total))
                    Console.Error.WriteLine($"  {done,6}/{total} steps  {watch.Elapsed.TotalSeconds,7:0.0} s  {counter.Calls,6} calls");
            }
            var result = await runner.RunAsync(plan, RunJournal.InMemory(), OnEvent, CancellationToken.None);
            watch.Stop();
            var measured =
                new Measurement(name, concurrency ?? DefaultConcurrency(), watch.Elapsed, counter.Calls, counter.Peak, counter.Retryable, retries,
                    result);
            if (progress)
                Console.Error.WriteLine(
                    $"{name}: {(result.Succeeded ? "succeeded" : "FAILED")} in {Seconds(watch.Elapsed)}: {result.Changed} " +
                    $"changed, {result.Unchanged} unchanged, {result.Failed} failed");
            return measured;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The seeded user mailboxes (the admin and the shared mailboxes left out), as the CLI would get them.</summary>
    private static Plan BuildPlan(SandboxTenant tenant)
    {
        var mailboxes = tenant.Read(s => s.Users
            .Where(
                u => u.RecipientTypeDetails == "UserMailbox" && !string.Equals(u.Mail, TenantSeed.AdminAddress, StringComparison.OrdinalIgnoreCase))
            .Select(u => u.Mail)
            .ToList());
        var (request, errors) = SetupRequestParser.Parse(new SetupRequestInput
        {
            Presets = "imap-app",
            AppName = "Bench",
            Mailboxes = mailboxes,
            SecretDays = "30",
        });
        if (request is null) throw new InvalidOperationException("the benchmark's request is not valid: " + string.Join("; ", errors));
        return new PlanBuilder(TimeProvider.System).Build(request);
    }

    private static string Report(Options options, Measurement concurrent, Measurement sequential)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var speedUp = sequential.Wall / concurrent.Wall;
        var steps = concurrent.Result.Steps.Count;

        Line($"# Applying a plan for {N(options.Mailboxes)} mailboxes to the sandbox");
        Line();
        Line($"- date: {DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC");
        Line(
            $"- machine: {Environment.ProcessorCount} cores " +
            $"(Environment.ProcessorCount), {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}");
        Line($"- .NET: {RuntimeInformation.FrameworkDescription}");
        Line($"- plan: preset imap-app, app \"Bench\", client secret, {N(options.Mailboxes)} seeded user mailboxes: {N(steps)} steps");
        Line(
            $"- sandbox: in memory (TestServer), a fresh tenant for each run, {options.Latency.TotalMilliseconds.ToString("0", Invariant)} ms " +
            $"latency injected on every call; default retry policy; timed with a Stopwatch around `PlanRunner.RunAsync`, after a 5-mailbox warm-up");
        Line();
        Line("| run | concurrency | wall time | HTTP calls | peak in flight | calls/s | changed | unchanged | failed | retries |");
        Line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var m in new[] { concurrent, sequential })
        {
            var rate = m.Calls / m.Wall.TotalSeconds;
            Line(
                $"| {m.Name} | {m.Concurrency} | {Seconds(m.Wall)} | {N(m.Calls)} | {m.Peak} | {rate.ToString("0", Invariant)} " +
                $"| {N(m.Result.Changed)} | {N(m.Result.Unchanged)} | {m.Result.Failed} | {m.Retries} |");
        }
        Line();
        Line($"Speed-up of the default over sequential: **{speedUp.ToString("0.0", Invariant)}x**.");
        Line();
        Line(options.Mailboxes == TargetMailboxes && options.Latency == TargetLatency
            ? $"Target (issue): at most {Seconds(TargetWallTime)} for the concurrent run: " +
                $"**{(concurrent.Result.Succeeded && concurrent.Wall <= TargetWallTime ? "met" : "missed")}** ({Seconds(concurrent.Wall)})."
            : $"Target (issue): at most {Seconds(TargetWallTime)} for {N(TargetMailboxes)} mailboxes at {TargetLatency.TotalMilliseconds:0} ms: " +
                "not judged for this size.");
        Line(
            $"Both runs {(concurrent.Result.Succeeded && sequential.Result.Succeeded ? "succeeded" : "did NOT both succeed")}; " +
            $"answers a runner retries (429, 5xx): {concurrent.Retryable} and {sequential.Retryable}.");
        Line();
        Line($"Made with `dotnet run -c Release --project tests/MailSetup.Benchmarks -- apply --mailboxes {options.Mailboxes}`.");
        return text.ToString();
    }

    private static Options? Parse(string[] args)
    {
        var mailboxes = TargetMailboxes;
        var latency = TargetLatency;
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--mailboxes" when int.TryParse(value, NumberStyles.None, Invariant, out var n)
                    && n is >= 1 and <= TenantSeedOptions.MaxUserMailboxes:
                    mailboxes = n;
                    i++;
                    break;
                case "--latency-ms" when int.TryParse(value, NumberStyles.None, Invariant, out var ms):
                    latency = TimeSpan.FromMilliseconds(ms);
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    output = value;
                    i++;
                    break;
                default:
                    Console.Error.WriteLine(
                        $"apply: '{args[i]}' {(value is null ? "" : $"'{value}' ")}is not understood; " +
                        $"expected --mailboxes 1..{TenantSeedOptions.MaxUserMailboxes}, --latency-ms M, --out FILE.");
                    return null;
            }
        }
        return new Options(mailboxes, latency, output);
    }

    /// <summary>The concurrency <see cref="PlanRunner"/> uses when it is not given one, read from its constructor.</summary>
    private static int DefaultConcurrency() =>
        typeof(PlanRunner).GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => p.Name == "concurrency" && p.HasDefaultValue)?.DefaultValue as int?
        ?? throw new InvalidOperationException("PlanRunner has no default concurrency to measure.");

    /// <summary><c>results/</c> beside this project's .csproj (found from the build output), else under the current folder.</summary>
    internal static string ResultsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MailSetup.Benchmarks.csproj"))) return Path.Combine(dir.FullName, "results");
        }
        return Path.Combine(Environment.CurrentDirectory, "results");
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", Invariant) + " s";

    private static string N(int value) => value.ToString("N0", Invariant);
}
