using BenchmarkDotNet.Running;
using MailSetup.Benchmarks;

// dotnet run -c Release --project tests/MailSetup.Benchmarks -- apply [--mailboxes N] [--latency-ms M] [--out FILE]
//   end to end: a plan for N mailboxes (default 1000) applied to an in-memory sandbox with M ms
//   (default 50) added to every call, once with the runner's default concurrency and once with
//   concurrency 1; writes results/apply-N-mailboxes.md and prints it.
// dotnet run -c Release --project tests/MailSetup.Benchmarks -- micro [BenchmarkDotNet options, e.g. --filter *Json*]
//   BenchmarkDotNet: building and rendering a plan for 1,000 mailboxes (short in-process job).

return args switch
{
    ["apply", .. var rest] => await ApplyMeasurement.MainAsync(rest),
    ["tui", .. var rest] => await MailSetup.Benchmarks.Tui.TuiMeasurement.MainAsync(rest),
    ["micro", .. var rest] => Micro(rest),
    _ => Usage(),
};

static int Micro(string[] rest)
{
    var summary = BenchmarkRunner.Run<PlanBenchmarks>(PlanBenchmarks.Config, rest);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: MailSetup.Benchmarks apply [--mailboxes N] [--latency-ms M] [--out FILE]
               MailSetup.Benchmarks tui [--runs N] [--samples N] [--binary PATH] [--out FILE]   (terminal UI through a pty; results/tui.md)
               MailSetup.Benchmarks micro [BenchmarkDotNet options, e.g. --filter *Build*]
        """);
    return 2;
}
