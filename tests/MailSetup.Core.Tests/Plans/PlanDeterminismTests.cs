using System.Globalization;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Plans;

/// <summary>Plans are the same bytes whatever the culture, the clock's offset or the order plans are made in.</summary>
public sealed class PlanDeterminismTests
{
    private static readonly IPlanRenderer[] Renderers =
        [new TextPlanRenderer(), new JsonPlanRenderer(), new HttpPlanRenderer(), new PowerShellPlanRenderer()];

    private static Dictionary<string, string> RenderAll(IEnumerable<string> order, TimeProvider clock) =>
        order.SelectMany(name => Renderers.Select(r => (Key: $"{name}.{r.Format}", Text: r.Render(TestPlans.Build(PlanCases.All[name], clock)))))
             .ToDictionary(x => x.Key, x => x.Text);

    /// <summary>Compares rendering by rendering, naming the first line that differs.</summary>
    private static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, text) in expected)
        {
            var expectedLines = text.Split('\n');
            var actualLines = actual[key].Split('\n');
            var differs = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
                .FirstOrDefault(i => expectedLines.ElementAtOrDefault(i) != actualLines.ElementAtOrDefault(i), -1);
            Assert.True(differs < 0,
                $"{key} line {differs + 1}:\n  expected: {expectedLines.ElementAtOrDefault(differs)}\n  " +
                $"actual:   {actualLines.ElementAtOrDefault(differs)}");
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    [InlineData("de-DE")]
    [InlineData("ja-JP")]
    public void Same_bytes_under_another_culture(string culture)
    {
        var expected = RenderAll(PlanCases.All.Keys, TestClock.Default);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            AssertSame(expected, RenderAll(PlanCases.All.Keys, TestClock.Default));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Fact]
    public void Same_bytes_when_the_clock_reports_the_same_instant_in_another_time_zone()
    {
        var instant = TestClock.Default.GetUtcNow();
        var kolkata = new TestClock(instant.ToOffset(TimeSpan.FromHours(5.5)));
        var honolulu = new TestClock(instant.ToOffset(TimeSpan.FromHours(-10)));
        var expected = RenderAll(PlanCases.All.Keys, TestClock.Default);
        AssertSame(expected, RenderAll(PlanCases.All.Keys, kolkata));
        AssertSame(expected, RenderAll(PlanCases.All.Keys, honolulu));
    }

    [Fact]
    public void Same_bytes_in_reverse_run_order()
    {
        var forward = RenderAll(PlanCases.All.Keys, TestClock.Default);
        var backward = RenderAll(PlanCases.All.Keys.Reverse(), TestClock.Default);
        AssertSame(forward, backward);
    }

    [Fact]
    public void Another_date_changes_the_plan_so_the_clock_is_really_used()
    {
        var later = new TestClock(TestClock.Default.GetUtcNow().AddDays(1));
        var text = new TextPlanRenderer();
        var input = PlanCases.All["imap-app"];
        Assert.NotEqual(text.Render(TestPlans.Build(input)), text.Render(TestPlans.Build(input, later)));
    }
}
