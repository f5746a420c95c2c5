using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;

namespace MailSetup.Benchmarks;

/// <summary>
/// Building a plan for 1,000 mailboxes and rendering it as text and JSON: a short job run in
/// process (no generated project to build), with allocations.
/// </summary>
public class PlanBenchmarks
{
    public static IConfig Config { get; } = DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default);

    private SetupRequest _request = null!;
    private Plan _plan = null!;
    private readonly PlanBuilder _builder = new(TimeProvider.System);
    private readonly TextPlanRenderer _text = new();
    private readonly JsonPlanRenderer _json = new();

    [Params(1000)]
    public int Mailboxes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var (request, errors) = SetupRequestParser.Parse(new SetupRequestInput
        {
            Presets = "imap-app",
            AppName = "Bench",
            Mailboxes = Enumerable.Range(1, Mailboxes).Select(i => $"user{i}@contoso.onmicrosoft.com").ToList(),
            SecretDays = "30",
        });
        _request = request ?? throw new InvalidOperationException(string.Join("; ", errors));
        _plan = _builder.Build(_request);
    }

    [Benchmark]
    public Plan Build() => _builder.Build(_request);

    [Benchmark]
    public string RenderText() => _text.Render(_plan);

    [Benchmark]
    public string RenderJson() => _json.Render(_plan);
}
