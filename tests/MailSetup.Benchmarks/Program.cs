using BenchmarkDotNet.Running;
using MailSetup.Benchmarks;

// dotnet run -c Release --project tests/MailSetup.Benchmarks -- apply [--mailboxes N] [--latency-ms M] [--out FILE]
//   end to end: a plan for N mailboxes (default 1000) applied to an in-memory sandbox with M ms
//   (default 50) added to every call, once with the runner's default concurrency and once with
//   concurrency 1; writes results/apply-N-mailboxes.md and prints it.
// dotnet run -c Release --project tests/MailSetup.Benchmarks -- frames [--out FILE]
//   the terminal layer at 120x40: render and diff time for a pane view, bytes written per
//   appended trace line with and without the scroll-region path; writes results/tui-frames.md.
// dotnet run -c Release --project tests/MailSetup.Benchmarks -- micro [BenchmarkDotNet options, e.g. --filter *Json*]
//   BenchmarkDotNet: building and rendering a plan for 1,000 mailboxes (short in-process job).
// dotnet run -c Release --project tests/MailSetup.Benchmarks -- mail [--runs N] [--out FILE]
//   (as root) connect-to-authenticated for IMAP, POP and SMTP against the tests' private Dovecot: our probe
//   in-process versus curl --oauth2-bearer (and our binary, when built in Release), medians of N (default 20);
//   writes results/mail-login-vs-curl.md.
// dotnet run -c Release --project tests/MailSetup.Benchmarks -- fuzz [--cases N] [--seed S] [--out FILE]
//   N (default 1,000,000) seeded generated cases through every reply parser; writes results/parser-fuzz-1m.md.

return args switch
{
    ["apply", .. var rest] => await ApplyMeasurement.MainAsync(rest),
    ["tui", .. var rest] => await MailSetup.Benchmarks.Tui.TuiMeasurement.MainAsync(rest),
    ["micro", .. var rest] => Micro(rest),
    ["mail", .. var rest] => await MailLoginMeasurement.MainAsync(rest),
    ["fuzz", .. var rest] => ParserFuzzMeasurement.Run(rest),
    ["frames", .. var rest] => await FrameMeasurement.MainAsync(rest),
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
               MailSetup.Benchmarks frames [--out FILE]
               MailSetup.Benchmarks tui [--runs N] [--samples N] [--binary PATH] [--out FILE]   (terminal UI through a pty; results/tui.md)
               MailSetup.Benchmarks micro [BenchmarkDotNet options, e.g. --filter *Build*]
               MailSetup.Benchmarks mail [--runs N] [--out FILE]
               MailSetup.Benchmarks fuzz [--cases N] [--seed S] [--out FILE]
        """);
    return 2;
}
