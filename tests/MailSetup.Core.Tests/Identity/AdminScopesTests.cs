using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Identity;

public sealed class AdminScopesTests
{
    [Fact]
    public void The_graph_scopes_are_the_setup_permissions_on_the_clouds_graph_host()
    {
        Assert.Equal(
        [
            "https://graph.microsoft.com/Application.ReadWrite.All",
            "https://graph.microsoft.com/AppRoleAssignment.ReadWrite.All",
            "https://graph.microsoft.com/DelegatedPermissionGrant.ReadWrite.All",
            "https://graph.microsoft.com/User.Read.All",
            "https://graph.microsoft.com/Group.Read.All",
        ], AdminScopes.Graph(CloudCatalog.Global));
        Assert.All(AdminScopes.Graph(CloudCatalog.UsGovDod), s => Assert.StartsWith("https://dod-graph.microsoft.us/", s));
    }

    [Fact]
    public void The_exchange_admin_scope_is_the_clouds_exchange_default()
    {
        Assert.Equal(["https://outlook.office365.com/.default"], AdminScopes.ExchangeAdmin(CloudCatalog.Global));
        Assert.Equal(["https://partner.outlook.cn/.default"], AdminScopes.ExchangeAdmin(CloudCatalog.China));
    }
}
