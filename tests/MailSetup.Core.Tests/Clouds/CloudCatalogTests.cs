using MailSetup.Core.Clouds;

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
}
