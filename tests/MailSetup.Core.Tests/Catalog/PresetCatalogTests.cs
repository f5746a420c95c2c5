using MailSetup.Core.Catalog;

namespace MailSetup.Core.Tests.Catalog;

public sealed class PresetCatalogTests
{
    [Theory]
    [InlineData("imap-app", "Microsoft's IMAP, POP and SMTP OAuth procedure (client credentials)", "exo:IMAP.AccessAsApp")]
    [InlineData("pop-app", "Microsoft's IMAP, POP and SMTP OAuth procedure (client credentials)", "exo:POP.AccessAsApp")]
    [InlineData("smtp-app", "Microsoft's IMAP, POP and SMTP OAuth procedure (client credentials)", "exo:SMTP.SendAsApp")]
    [InlineData("graph-mail", "Microsoft Graph app-only access (client credentials)", "graph:Mail.ReadWrite")]
    [InlineData("graph-send", "Microsoft Graph sendMail as the app (client credentials)", "graph:Mail.Send")]
    [InlineData("graph-gateway", "an email gateway on Microsoft Graph (client credentials)",
        "graph:Group.Read.All,graph:GroupMember.Read.All,graph:Mail.ReadWrite,graph:User.Read.All")]
    [InlineData("delegated-mail", "Microsoft's IMAP, POP and SMTP OAuth procedure for a signed-in user (device code or password flow)",
        "graph:offline_access,graph:IMAP.AccessAsUser.All,graph:POP.AccessAsUser.All,graph:SMTP.Send," +
        "graph:User.Read,graph:Mail.Send,graph:User.Read.All")]
    public void Each_preset_lists_its_permissions_and_the_procedure_it_follows(string name, string procedure, string permissions)
    {
        var preset = PresetCatalog.Get(name);
        Assert.Equal(procedure, preset.Procedure);
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
