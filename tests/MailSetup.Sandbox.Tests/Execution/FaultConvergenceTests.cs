using System.Text.RegularExpressions;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Faults;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>Every fault kind, injected on the request of every step: the run still converges and nothing is made twice.</summary>
public sealed class FaultConvergenceTests
{
    private static readonly SetupRequestInput Input = PlanCases.All["imap-smtp-three-mailboxes-send-as"];

    public static TheoryData<string, int> FaultsAndSteps()
    {
        var data = new TheoryData<string, int>();
        var steps = TestPlans.Build(Input).Steps.Count;
        foreach (var kind in new[] { "429", "503", "latency", "timeout", "reset" })
            for (var step = 1; step <= steps; step++) data.Add(kind, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(FaultsAndSteps))]
    public async Task A_fault_on_any_step_is_absorbed_and_nothing_is_duplicated(string kind, int stepNumber)
    {
        await using var run = new SandboxRun();
        var plan = run.Plan(Input);
        var step = plan.Steps[stepNumber - 1];
        if (Match(step) is not { } match) return; // Connect-ExchangeOnline sends nothing in the admin API runner
        var rule = run.Host.Faults.Add(match, Fault(kind), FaultOccurrences.Next(1));

        var result = await run.ApplyAsync(plan);

        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
        Assert.Equal(1, rule.Fired);
        Assert.Empty(TenantDuplicates.Find(run.Tenant));
        var again = await run.ApplyAsync(run.Plan(Input));
        Assert.Equal(0, again.Changed);
    }

    [Fact]
    public async Task Replication_delay_after_every_create_is_waited_out()
    {
        await using var run = new SandboxRun();
        run.Host.Faults.Add(FaultMatch.Any, SandboxFault.ReplicationDelay(TimeSpan.FromMilliseconds(400)), FaultOccurrences.Every);

        var result = await run.ApplyAsync(run.Plan(Input));

        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
        Assert.Contains(run.Events, e => e is Core.Execution.StepEvent.Retrying r && r.Reason.Contains("replication"));
        Assert.Empty(TenantDuplicates.Find(run.Tenant));
    }

    private static SandboxFault Fault(string kind) => kind switch
    {
        "429" => SandboxFault.TooManyRequests(1),
        "503" => SandboxFault.ServiceUnavailable(0),
        "latency" => SandboxFault.Latency(TimeSpan.FromMilliseconds(300)),
        "timeout" => SandboxFault.Timeout(TimeSpan.FromSeconds(10)),
        "reset" => SandboxFault.ConnectionReset(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The step's own request: its Graph method and path (references as wildcards), or its cmdlet.</summary>
    private static FaultMatch? Match(PlanStep step) => step switch
    {
        GraphStep graph => FaultMatch.PathPattern(graph.Preview.Method,
            "^" + Regex.Replace(Regex.Escape(new Uri(graph.Preview.Url.Replace("{", "%7B").Replace("}", "%7D")).AbsolutePath), "%7B[^/]*?%7D", "[^/]+") + "$"),
        ExchangeStep { Action: StepAction.Connect } => null,
        ExchangeStep exchange => FaultMatch.Cmdlet(exchange.Cmdlet.Name),
        _ => null,
    };
}
