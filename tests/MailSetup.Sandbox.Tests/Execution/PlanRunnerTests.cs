using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

public sealed class PlanRunnerTests
{
    public static TheoryData<string> Cases() => new(PlanCases.All.Keys.Where(k => k != "imap-app-adopt"));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Applying_a_plan_twice_changes_nothing_the_second_time(string caseName)
    {
        await using var run = new SandboxRun();
        var plan = run.Plan(PlanCases.All[caseName]);

        var first = await run.ApplyAsync(plan);
        Assert.True(first.Succeeded, Describe(first));
        Assert.True(first.Changed > 0, Describe(first));

        var second = await run.ApplyAsync(run.Plan(PlanCases.All[caseName]));
        Assert.True(second.Succeeded, Describe(second));
        Assert.Equal(0, second.Changed);
    }

    [Fact]
    public async Task A_new_secret_goes_to_the_sink_once_and_never_into_the_result_or_journal()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        var result = await run.ApplyAsync(run.Plan(PlanCases.All["imap-app"]), RunJournal.Open(journalPath));
        Assert.True(result.Succeeded, Describe(result));
        var secret = Assert.Single(run.Secrets);
        Assert.True(secret.Length >= 30);
        Assert.DoesNotContain(secret, File.ReadAllText(journalPath));
        Assert.DoesNotContain(result.Values.Values, v => v.Contains(secret));
        Assert.DoesNotContain(run.Events, e => e.ToString().Contains(secret));
        Assert.DoesNotContain(secret, File.ReadAllText(Directory.GetFiles(run.Folder).Single()));
    }

    internal static string Describe(ApplyResult result) =>
        string.Join("\n", result.Steps.Select(s => $"{s.Number} {s.Step.Key}: {s.Outcome} {s.Detail}"));
}
