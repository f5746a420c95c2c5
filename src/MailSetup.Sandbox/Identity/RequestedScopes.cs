namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The <c>scope</c> parameter of a token request, split into the one resource it is for and the
/// permissions asked of it. OpenID scopes (openid, profile, email, offline_access) are about the
/// sign-in, not the resource. A permission without a resource prefix is Graph's, as in Entra.
/// </summary>
internal sealed record RequestedScopes(
    string Scope,
    string ResourceIdentifier,
    string ResourceAppId,
    IReadOnlyList<string> Permissions,
    bool OfflineAccess)
{
    private static readonly HashSet<string> OpenIdScopes = new(StringComparer.OrdinalIgnoreCase) { "openid", "profile", "email", "offline_access" };

    /// <summary><c>.default</c>: everything consented to the app on the resource, rather than named permissions.</summary>
    public bool IsDefault => Permissions is [".default"];

    public static RequestedScopes Parse(string? scope, string tenantName)
    {
        var items = (scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0) throw EntraErrors.MissingParameter("scope");

        var resources = new List<(string Identifier, string Permission)>();
        foreach (var item in items.Where(i => !OpenIdScopes.Contains(i)))
        {
            var slash = item.LastIndexOf('/');
            var (identifier, permission) = slash < 0 ? (ResourceIdentifiers.Graph, item) : (item[..slash], item[(slash + 1)..]);
            if (permission.Length == 0 || identifier.Length == 0) throw EntraErrors.InvalidScope(item);
            resources.Add((identifier.TrimEnd('/'), permission));
        }
        if (resources.Count == 0) throw EntraErrors.InvalidScope(scope!);

        // Two spellings of one resource (outlook.office.com, outlook.office365.com) are still two
        // audiences: Entra refuses both in one request.
        if (resources.Select(r => r.Identifier).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1)
            throw EntraErrors.MoreThanOneResource(scope!);

        var resourceIdentifier = resources[0].Identifier;
        var appId = ResourceIdentifiers.AppIdOf(resourceIdentifier) ?? throw EntraErrors.ResourceNotFound(resourceIdentifier, tenantName);
        var permissions = resources.Select(r => r.Permission).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (permissions.Count > 1 && permissions.Contains(".default", StringComparer.OrdinalIgnoreCase))
            throw EntraErrors.InvalidScope(scope!);

        return new(scope!, resourceIdentifier, appId, permissions,
            items.Contains("offline_access", StringComparer.OrdinalIgnoreCase));
    }
}
