using MailSetup.Core.Plans;
using Xunit.Sdk;

namespace MailSetup.Testing;

/// <summary>Builds plans from typed input, as the CLI does, failing the test on input errors.</summary>
public static class TestPlans
{
    public static SetupRequest Request(SetupRequestInput input)
    {
        var (request, errors) = SetupRequestParser.Parse(input);
        return request ?? throw new XunitException("bad test input: " + string.Join("; ", errors));
    }

    public static Plan Build(SetupRequestInput input, TimeProvider? clock = null) =>
        new PlanBuilder(clock ?? TestClock.Default).Build(Request(input));
}
