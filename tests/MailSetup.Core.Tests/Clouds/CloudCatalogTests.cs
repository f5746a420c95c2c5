using MailSetup.Core.Clouds;
using MailSetup.Core.Plans.Rendering;

namespace MailSetup.Core.Tests.Clouds;

public sealed class CloudCatalogTests
{
    [Theory]
    [InlineData("global", "login.microsoftonline.com", "graph.microsoft.com", "outlook.office365.com", "smtp.office365.com", null)]
    [InlineData("usgov-high", "login.microsoftonline.us", "graph.microsoft.us", "outlook.office365.us", "smtp.office365.us", "O365USGovGCCHigh")]
    [InlineData("usgov-dod", "login.microsoftonline.us", "dod-graph.microsoft.us", "outlook-dod.office365.us", "smtp.office365.us", "O365USGovDoD")]
    [InlineData("china", "login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn", "partner.outlook.cn", "smtp.partner.outlook.cn", "O365China")]
    public void Each_cloud_has_the_hosts_of_the_facts(string key, string login, string graph, string exchange, string smtp, string? environment)
    {
        Assert.True(CloudCatalog.TryParse(key, out var cloud));
        Assert.Equal([login, graph, exchange, smtp], new[] { cloud.Login.Name, cloud.Graph.Name, cloud.Exchange.Name, cloud.Smtp.Name });
        Assert.Equal(environment, cloud.ExchangeEnvironmentName);
        Assert.Equal($"https://{exchange}/.default", cloud.ExchangeDefaultScope);
    }

    [Fact]
    public void Only_the_hosts_the_facts_leave_open_are_unconfirmed_and_they_say_so()
    {
        var unconfirmed = CloudCatalog.All.SelectMany(c => c.UnconfirmedHosts().Select(u => $"{c.Key}/{u.Role}")).ToList();
        Assert.Equal(["usgov-dod/smtp", "china/smtp"], unconfirmed);
        Assert.StartsWith("smtp.partner.outlook.cn (unconfirmed: sources disagree", CloudCatalog.China.Smtp.Display);
        Assert.Equal("smtp.office365.com", CloudCatalog.Global.Smtp.Display);
    }

    [Fact]
    public void Every_host_can_be_overridden_and_an_override_is_no_longer_unconfirmed()
    {
        var cloud = CloudCatalog.China.WithOverrides(new CloudHostOverrides(Smtp: "smtp.example.cn", Graph: "graph.example.cn"));
        Assert.Equal("smtp.example.cn", cloud.Smtp.Name);
        Assert.True(cloud.Smtp.Confirmed);
        Assert.Equal("https://graph.example.cn/v1.0", cloud.GraphBaseUrl);
        Assert.Equal("login.chinacloudapi.cn", cloud.Login.Name);
        Assert.Empty(cloud.UnconfirmedHosts());
    }

    [Fact]
    public void Delegated_scopes_use_outlook_office_com_in_the_global_cloud()
    {
        Assert.Equal("https://outlook.office.com/", CloudCatalog.Global.DelegatedScopePrefix);
        Assert.Equal("https://outlook.office365.us/", CloudCatalog.UsGovHigh.DelegatedScopePrefix);
    }

    [Fact]
    public void Unknown_cloud_keys_are_not_found()
    {
        Assert.False(CloudCatalog.TryParse("azure-germany", out _));
        Assert.True(CloudCatalog.TryParse(" CHINA ", out var china));
        Assert.Equal(CloudName.China, china.Name);
    }

    [Fact]
    public void Only_the_global_clouds_token_scopes_are_confirmed_and_an_exchange_host_override_confirms_them()
    {
        Assert.Equal(["global"], CloudCatalog.All.Where(c => c.ExchangeScope.Confirmed).Select(c => c.Key));
        Assert.Equal(["global"], CloudCatalog.All.Where(c => c.DelegatedPrefix.Confirmed).Select(c => c.Key));
        Assert.StartsWith("https://outlook.office365.us/.default (unconfirmed: no Microsoft page", CloudCatalog.UsGovHigh.ExchangeScope.Display);
        var overridden = CloudCatalog.China.WithOverrides(new CloudHostOverrides(Exchange: "partner.outlook.cn"));
        Assert.True(overridden.ExchangeScope.Confirmed);
    }

    [Theory]
    [InlineData("usgov-high", "imap-app", true)]
    [InlineData("usgov-dod", "delegated-mail", true)]
    [InlineData("china", "smtp-app", true)]
    [InlineData("global", "imap-app", false)]
    [InlineData("usgov-high", "graph-mail", false)]
    public void A_plan_that_uses_an_unconfirmed_token_scope_warns_of_it_in_every_format(string cloud, string preset, bool warns)
    {
        var input = new MailSetup.Core.Plans.SetupRequestInput { Presets = preset, AppName = "Scoped", Cloud = cloud };
        var plan = new MailSetup.Core.Plans.PlanBuilder(MailSetup.Testing.TestClock.Default).Build(MailSetup.Testing.TestPlans.Request(input));

        Assert.Equal(warns, plan.Notices.Any(n => n.Code == "unconfirmed-scope"));
        IPlanRenderer[] renderers = [new TextPlanRenderer(), new JsonPlanRenderer(), new HttpPlanRenderer(), new PowerShellPlanRenderer()];
        foreach (var renderer in renderers)
        {
            // Formats wrap long notices (comment lines in scripts): read them as one line.
            var text = System.Text.RegularExpressions.Regex.Replace(renderer.Render(plan), @"\s*\n[#\s]*", " ");
            Assert.True(warns == text.Contains("unconfirmed: no Microsoft page gives it", StringComparison.Ordinal), renderer.Format);
        }
    }
}
