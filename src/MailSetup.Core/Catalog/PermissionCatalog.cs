namespace MailSetup.Core.Catalog;

/// <summary>Every permission FACTS.md lists, with lookup by name.</summary>
public static class PermissionCatalog
{
    private static readonly ApiResource Exo = ApiResource.ExchangeOnline;
    private static readonly ApiResource Graph = ApiResource.MicrosoftGraph;
    private const PermissionKind App = PermissionKind.Application;
    private const PermissionKind Delegated = PermissionKind.Delegated;

    public static IReadOnlyList<Permission> All { get; } =
    [
        new(Exo, "IMAP.AccessAsApp", App, new("5e5addcd-3e8d-4e90-baf5-964efab2b20a"), true, true),
        new(Exo, "POP.AccessAsApp", App, new("cb842b43-da6e-4506-86fe-bb12199c656d"), true, true),
        new(Exo, "SMTP.SendAsApp", App, new("7146a1f0-8703-45b3-9eae-527a64c00995"), true, true, "Application SMTP.SendAsApp"),
        new(Exo, "Exchange.ManageAsApp", App, new("dc50a0fb-09a3-484d-be87-e023b12c6440"), true, false),
        new(Exo, "full_access_as_app", App, new("dc890d15-9560-4a4c-9b7f-a736ec74ec40"), true, true),
        new(Exo, "IMAP.AccessAsUser.All", Delegated, new("195adc35-e27b-454b-a7ed-1ecdffa1c09f"), false, true),
        new(Exo, "POP.AccessAsUser.All", Delegated, new("fb698133-92fa-453e-a9ed-688e10f2e5ac"), false, true),
        new(Exo, "SMTP.Send", Delegated, new("76faac2a-0f20-42f1-928a-50de5b9dbe52"), false, true),
        new(Graph, "Mail.Send", App, new("b633e1c5-b582-4048-a93e-9f11b44c7e96"), true, false, "Application Mail.Send"),
        new(Graph, "Mail.ReadWrite", App, new("e2a3a72e-5f79-4c64-b1b1-878b674786c9"), true, false, "Application Mail.ReadWrite"),
        new(Graph, "User.Read.All", App, new("df021288-bdef-4463-88db-98f22de89214"), true, false),
        new(Graph, "Group.Read.All", App, new("5b567255-7703-4780-807c-7be8301ae99b"), true, false),
        new(Graph, "GroupMember.Read.All", App, new("98830695-27a2-44f7-8c18-0c3ebc9698f6"), true, false),
        new(Graph, "IMAP.AccessAsUser.All", Delegated, new("652390e4-393a-48de-9484-05f9b1212954"), false, false),
        new(Graph, "POP.AccessAsUser.All", Delegated, new("d7b7f2d9-0f45-4ea1-9d42-e50810c06991"), false, false),
        new(Graph, "SMTP.Send", Delegated, new("258f6531-6087-4cc4-bb90-092c5fb3ed3f"), false, false),
        new(Graph, "offline_access", Delegated, new("7427e0e9-2fba-42fe-b0c0-848c9e6a8182"), false, false),
        new(Graph, "User.Read", Delegated, new("e1fe6dd8-ba31-4d61-89e7-88639da4683d"), false, false),
    ];

    /// <summary>
    /// Finds a permission by its plain name (<c>Mail.Send</c>) or qualified name
    /// (<c>graph:Mail.Send</c>), ignoring case. A plain name that two resources share needs the
    /// resource or the kind to tell them apart.
    /// </summary>
    public static Permission Get(string name, ApiResource? resource = null, PermissionKind? kind = null)
    {
        var (wantedResource, plainName) = SplitQualified(name, resource);
        var matches = All
            .Where(p => string.Equals(p.Name, plainName, StringComparison.OrdinalIgnoreCase))
            .Where(p => wantedResource is null || p.Resource == wantedResource)
            .Where(p => kind is null || p.Kind == kind)
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 =>
                throw new UnknownNameException("permission", name,
                    NameSuggestions.Nearest(name, All.SelectMany(p => new[] { p.Name, p.QualifiedName }).Distinct())),
            _ => throw new AmbiguousNameException(name, matches.Select(m => m.QualifiedName).ToList()),
        };
    }

    private static (ApiResource? Resource, string Name) SplitQualified(string name, ApiResource? resource)
    {
        var colon = name.IndexOf(':');
        if (colon < 0) return (resource, name.Trim());
        var key = name[..colon].Trim();
        var found = ApiResource.All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new UnknownNameException("resource", key, ApiResource.All.Select(r => r.Key).ToList());
        return (found, name[(colon + 1)..].Trim());
    }
}
