using MailSetup.Core.Catalog;

namespace MailSetup.Core.Tests.Catalog;

public sealed class PermissionCatalogTests
{
    [Theory]
    [InlineData("exo", "IMAP.AccessAsApp", PermissionKind.Application, "5e5addcd-3e8d-4e90-baf5-964efab2b20a")]
    [InlineData("exo", "POP.AccessAsApp", PermissionKind.Application, "cb842b43-da6e-4506-86fe-bb12199c656d")]
    [InlineData("exo", "SMTP.SendAsApp", PermissionKind.Application, "7146a1f0-8703-45b3-9eae-527a64c00995")]
    [InlineData("exo", "Exchange.ManageAsApp", PermissionKind.Application, "dc50a0fb-09a3-484d-be87-e023b12c6440")]
    [InlineData("exo", "full_access_as_app", PermissionKind.Application, "dc890d15-9560-4a4c-9b7f-a736ec74ec40")]
    [InlineData("exo", "IMAP.AccessAsUser.All", PermissionKind.Delegated, "195adc35-e27b-454b-a7ed-1ecdffa1c09f")]
    [InlineData("exo", "POP.AccessAsUser.All", PermissionKind.Delegated, "fb698133-92fa-453e-a9ed-688e10f2e5ac")]
    [InlineData("exo", "SMTP.Send", PermissionKind.Delegated, "76faac2a-0f20-42f1-928a-50de5b9dbe52")]
    [InlineData("graph", "Mail.Send", PermissionKind.Application, "b633e1c5-b582-4048-a93e-9f11b44c7e96")]
    [InlineData("graph", "Mail.ReadWrite", PermissionKind.Application, "e2a3a72e-5f79-4c64-b1b1-878b674786c9")]
    [InlineData("graph", "User.Read.All", PermissionKind.Application, "df021288-bdef-4463-88db-98f22de89214")]
    [InlineData("graph", "Group.Read.All", PermissionKind.Application, "5b567255-7703-4780-807c-7be8301ae99b")]
    [InlineData("graph", "GroupMember.Read.All", PermissionKind.Application, "98830695-27a2-44f7-8c18-0c3ebc9698f6")]
    [InlineData("graph", "IMAP.AccessAsUser.All", PermissionKind.Delegated, "652390e4-393a-48de-9484-05f9b1212954")]
    [InlineData("graph", "POP.AccessAsUser.All", PermissionKind.Delegated, "d7b7f2d9-0f45-4ea1-9d42-e50810c06991")]
    [InlineData("graph", "SMTP.Send", PermissionKind.Delegated, "258f6531-6087-4cc4-bb90-092c5fb3ed3f")]
    [InlineData("graph", "offline_access", PermissionKind.Delegated, "7427e0e9-2fba-42fe-b0c0-848c9e6a8182")]
    [InlineData("graph", "User.Read", PermissionKind.Delegated, "e1fe6dd8-ba31-4d61-89e7-88639da4683d")]
    public void Every_permission_of_the_facts_is_in_the_catalog_with_its_id_and_kind(string resource, string name, PermissionKind kind, string id)
    {
        var permission = PermissionCatalog.Get($"{resource}:{name}");
        Assert.Equal(kind, permission.Kind);
        Assert.Equal(Guid.Parse(id), permission.Id);
        Assert.Equal(kind == PermissionKind.Application, permission.AdminConsentRequired);
    }

    [Fact]
    public void Catalog_holds_exactly_the_eighteen_permissions_of_the_facts_under_the_two_resources()
    {
        Assert.Equal(18, PermissionCatalog.All.Count);
        Assert.Equal(18, PermissionCatalog.All.Select(p => p.Id).Distinct().Count());
        Assert.Equal("00000002-0000-0ff1-ce00-000000000000", ApiResource.ExchangeOnline.AppId);
        Assert.Equal("00000003-0000-0000-c000-000000000000", ApiResource.MicrosoftGraph.AppId);
    }

    [Fact]
    public void Lookup_ignores_case_and_finds_unique_plain_names()
    {
        Assert.Equal("Mail.Send", PermissionCatalog.Get("mail.send").Name);
        Assert.Same(ApiResource.ExchangeOnline, PermissionCatalog.Get("imap.accessasapp").Resource);
    }

    [Fact]
    public void A_name_two_resources_share_needs_the_resource()
    {
        var error = Assert.Throws<AmbiguousNameException>(() => PermissionCatalog.Get("SMTP.Send"));
        Assert.Equal(["exo:SMTP.Send", "graph:SMTP.Send"], error.Candidates);
        Assert.Same(ApiResource.MicrosoftGraph, PermissionCatalog.Get("SMTP.Send", ApiResource.MicrosoftGraph).Resource);
    }

    [Fact]
    public void An_unknown_name_is_an_error_that_suggests_the_nearest_names()
    {
        var error = Assert.Throws<UnknownNameException>(() => PermissionCatalog.Get("IMAP.AccesAsApp"));
        Assert.Equal("IMAP.AccesAsApp", error.Name);
        Assert.Contains("IMAP.AccessAsApp", error.Suggestions);
        Assert.Contains("did you mean 'IMAP.AccessAsApp'", error.Message);
    }

    [Fact]
    public void An_unknown_resource_prefix_is_named()
    {
        var error = Assert.Throws<UnknownNameException>(() => PermissionCatalog.Get("grpah:Mail.Send"));
        Assert.Equal("grpah", error.Name);
        Assert.Contains("graph", error.Suggestions);
    }

    [Fact]
    public void Community_sourced_ids_are_marked()
    {
        Assert.True(PermissionCatalog.Get("IMAP.AccessAsApp").CommunitySourced);
        Assert.False(PermissionCatalog.Get("graph:Mail.Send").CommunitySourced);
    }
}
