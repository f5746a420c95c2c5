namespace MailSetup.Core.Catalog;

/// <summary>One preset per setup scenario; combinable as <c>imap-app,smtp-app</c>.</summary>
public static class PresetCatalog
{
    private static Permission Exo(string name, PermissionKind kind = PermissionKind.Application) =>
        PermissionCatalog.Get(name, ApiResource.ExchangeOnline, kind);

    private static Permission Graph(string name, PermissionKind kind = PermissionKind.Application) =>
        PermissionCatalog.Get(name, ApiResource.MicrosoftGraph, kind);

    /// <summary>Microsoft's page "Authenticate an IMAP, POP or SMTP connection using OAuth".</summary>
    private const string OAuthProcedure = "Microsoft's IMAP, POP and SMTP OAuth procedure";

    public static IReadOnlyList<Preset> All { get; } =
    [
        new("imap-app", "Read mailboxes over IMAP as the app (client credentials)",
            [Exo("IMAP.AccessAsApp")], OAuthProcedure + " (client credentials)", [MailProtocol.Imap], []),
        new("pop-app", "Read mailboxes over POP as the app (client credentials)",
            [Exo("POP.AccessAsApp")], OAuthProcedure + " (client credentials)", [MailProtocol.Pop], []),
        new("smtp-app", "Send over SMTP AUTH as the app (client credentials)",
            [Exo("SMTP.SendAsApp")], OAuthProcedure + " (client credentials)", [MailProtocol.Smtp], []),
        new("graph-mail", "Read and write mail through Graph as the app",
            [Graph("Mail.ReadWrite")], "Microsoft Graph app-only access (client credentials)", [], []),
        new("graph-send", "Send mail through Graph as the app",
            [Graph("Mail.Send")], "Microsoft Graph sendMail as the app (client credentials)", [], []),
        new("graph-gateway", "Email gateway delivering through Graph (users, groups, mail)",
            [Graph("Group.Read.All"), Graph("GroupMember.Read.All"), Graph("Mail.ReadWrite"), Graph("User.Read.All")],
            "an email gateway on Microsoft Graph (client credentials)", [], []),
        new("delegated-mail", "A signed-in user's IMAP, POP and SMTP (device code or ROPC), plus app sending",
            [
                Graph("offline_access", PermissionKind.Delegated),
                Graph("IMAP.AccessAsUser.All", PermissionKind.Delegated),
                Graph("POP.AccessAsUser.All", PermissionKind.Delegated),
                Graph("SMTP.Send", PermissionKind.Delegated),
                Graph("User.Read", PermissionKind.Delegated),
                Graph("Mail.Send"),
                Graph("User.Read.All"),
            ],
            OAuthProcedure + " for a signed-in user (device code or password flow)", [],
            [MailProtocol.Imap, MailProtocol.Pop, MailProtocol.Smtp]),
    ];

    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>A preset by name, ignoring case; an unknown name suggests the nearest.</summary>
    public static Preset Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownNameException("preset", name.Trim(), NameSuggestions.Nearest(name, Names));

    /// <summary>Parses a comma-separated list such as <c>imap-app,smtp-app</c>.</summary>
    public static IReadOnlyList<Preset> ParseList(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries);
        if (names.Any(n => n.Length == 0))
            throw new ArgumentException($"preset list '{list}' has an empty entry; expected names separated by commas, e.g. 'imap-app,smtp-app'.");
        var presets = names.Select(Get).ToList();
        var repeated = presets.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
            throw new ArgumentException($"preset '{repeated.Key}' is listed twice in '{list}'; name each preset once.");
        return presets;
    }
}
