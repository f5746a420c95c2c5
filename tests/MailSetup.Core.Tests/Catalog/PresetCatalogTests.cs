using MailSetup.Core.Catalog;

namespace MailSetup.Core.Tests.Catalog;

public sealed class PresetCatalogTests
{
    [Theory]
    [InlineData("imap-app", "000,001", "exo:IMAP.AccessAsApp")]
    [InlineData("pop-app", "000,001", "exo:POP.AccessAsApp")]
    [InlineData("smtp-app", "", "exo:SMTP.SendAsApp")]
    [InlineData("graph-mail", "004", "graph:Mail.ReadWrite")]
    [InlineData("graph-send", "002,004", "graph:Mail.Send")]
    [InlineData("graph-gateway", "003", "graph:Group.Read.All,graph:GroupMember.Read.All,graph:Mail.ReadWrite,graph:User.Read.All")]
    [InlineData("delegated-mail", "002",
        "graph:offline_access,graph:IMAP.AccessAsUser.All,graph:POP.AccessAsUser.All,graph:SMTP.Send," +
        "graph:User.Read,graph:Mail.Send,graph:User.Read.All")]
    public void Each_preset_lists_its_permissions_and_seeds(string name, string seeds, string permissions)
    {
        var preset = PresetCatalog.Get(name);
        Assert.Equal(seeds, string.Join(",", preset.Seeds));
        Assert.Equal(permissions, string.Join(",", preset.Permissions.Select(p => p.QualifiedName)));
    }

    [Fact]
    public void Delegated_mail_mixes_delegated_scopes_with_application_roles()
    {
        var preset = PresetCatalog.Get("delegated-mail");
        Assert.Equal(5, preset.Permissions.Count(p => p.Kind == PermissionKind.Delegated));
        Assert.Equal(["Mail.Send", "User.Read.All"], preset.Permissions.Where(p => p.Kind == PermissionKind.Application).Select(p => p.Name));
        Assert.False(preset.IsAppOnly);
        Assert.True(PresetCatalog.Get("imap-app").IsAppOnly);
    }

    [Fact]
    public void Presets_combine_from_a_comma_separated_list()
    {
        Assert.Equal(["imap-app", "smtp-app"], PresetCatalog.ParseList("imap-app, SMTP-APP").Select(p => p.Name));
    }

    [Fact]
    public void An_unknown_preset_suggests_the_nearest()
    {
        var error = Assert.Throws<UnknownNameException>(() => PresetCatalog.ParseList("imap-app,smtp-ap"));
        Assert.Equal("smtp-ap", error.Name);
        Assert.Equal("smtp-app", error.Suggestions[0]);
    }

    [Theory]
    [InlineData("imap-app,imap-app", "listed twice")]
    [InlineData("imap-app,,smtp-app", "empty entry")]
    public void A_repeated_or_empty_entry_is_an_error(string list, string expected)
    {
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => PresetCatalog.ParseList(list)).Message);
    }
}
