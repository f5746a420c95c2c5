using MailSetup.Core.Catalog;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Core.Tests;

public sealed class ServiceCollectionTests
{
    [Fact]
    public void Core_registers_the_plan_builder_with_the_given_clock_and_the_four_formats()
    {
        var clock = TestClock.Default;
        using var services = new ServiceCollection().AddMailSetupCore(o => o.Clock = clock).BuildServiceProvider();
        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
        Assert.Equal(["text", "json", "http", "powershell"], services.GetRequiredService<PlanRenderers>().Formats);
        var plan = services.GetRequiredService<PlanBuilder>().Build(TestPlans.Request(PlanCases.All["imap-app"]));
        Assert.Equal(clock.GetUtcNow(), plan.CreatedAt);
    }

    [Fact]
    public void An_unknown_format_is_named_with_a_suggestion()
    {
        using var services = new ServiceCollection().AddMailSetupCore().BuildServiceProvider();
        var error = Assert.Throws<UnknownNameException>(() => services.GetRequiredService<PlanRenderers>().Get("jsno"));
        Assert.Contains("unknown format 'jsno'; did you mean 'json'", error.Message);
    }

    [Fact]
    public void Registering_twice_keeps_one_renderer_per_format()
    {
        var collection = new ServiceCollection().AddMailSetupCore().AddMailSetupCore();
        using var services = collection.BuildServiceProvider();
        Assert.Equal(4, services.GetServices<IPlanRenderer>().Count());
    }
}
