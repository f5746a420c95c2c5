using MailSetup.Core.Plans.Rendering;
using MailSetup.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Core.Tests.Plans;

/// <summary>Every case in every format against its verified snapshot (snapshots/MailSetup.Core.Tests/Plans).</summary>
public sealed class PlanSnapshotTests
{
    public static TheoryData<string, string> CasesAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in PlanCases.All.Keys)
            foreach (var format in PlanCases.Formats) data.Add(name, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndFormats))]
    public void Plan_matches_its_verified_snapshot(string caseName, string format)
    {
        using var services = new ServiceCollection().AddMailSetupCore(o => o.Clock = TestClock.Default).BuildServiceProvider();
        var plan = TestPlans.Build(PlanCases.All[caseName]);
        var rendered = services.GetRequiredService<PlanRenderers>().Get(format).Render(plan);
        Snapshot.Verify("MailSetup.Core.Tests/Plans", $"plan.{caseName}.{format}", rendered);
    }
}
