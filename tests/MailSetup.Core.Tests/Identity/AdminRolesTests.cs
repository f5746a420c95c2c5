using MailSetup.Core.Identity;
using MailSetup.Core.Tests.Diagnosis;

namespace MailSetup.Core.Tests.Identity;

public sealed class AdminRolesTests
{
    [Fact]
    public void The_wids_claim_names_the_mail_relevant_roles_and_leaves_others_out()
    {
        var claims = TestTokens.Claims(new
        {
            upn = "admin@contoso.com",
            wids = new[] { "29232cdf-9323-42fd-ade2-1d097af3e4de", "62E90394-69F5-4237-9190-012177145E10", "b79fbf4d-3ef9-4689-8143-76b194e85509" },
        });

        Assert.Equal(3, claims.DirectoryRoleIds.Count);
        Assert.Equal(["Exchange Administrator", "Global Administrator"], AdminRoles.Names(claims.DirectoryRoleIds));
        Assert.Empty(AdminRoles.Names(TestTokens.Claims(new { upn = "user@contoso.com" }).DirectoryRoleIds));
    }

    [Fact]
    public void A_known_role_name_gives_its_template_id_and_an_unknown_one_none()
    {
        Assert.Equal("62e90394-69f5-4237-9190-012177145e10", AdminRoles.TemplateIdOf(" global administrator "));
        Assert.Equal("29232cdf-9323-42fd-ade2-1d097af3e4de", AdminRoles.TemplateIdOf("Exchange Administrator"));
        Assert.Null(AdminRoles.TemplateIdOf("Helpdesk Administrator"));
    }
}
