namespace MailSetup.Core.Identity;

/// <summary>
/// The Entra directory roles that matter for a mail setup, by template id (the same in every tenant,
/// Microsoft's "Microsoft Entra built-in roles" reference), so the UI can say who is signed in as what.
/// </summary>
public static class AdminRoles
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["62e90394-69f5-4237-9190-012177145e10"] = "Global Administrator",
        ["e8611ab8-c189-46e8-94e1-60213ab1f814"] = "Privileged Role Administrator",
        ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"] = "Application Administrator",
        ["158c047a-c907-4556-b7ef-446551a6b5f7"] = "Cloud Application Administrator",
        ["29232cdf-9323-42fd-ade2-1d097af3e4de"] = "Exchange Administrator",
    };

    /// <summary>The template id of a known role by its name (as a directory lists it); null for another role.</summary>
    public static string? TemplateIdOf(string name) =>
        Known.FirstOrDefault(role => role.Value.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)).Key;

    /// <summary>The names of the known roles among <paramref name="templateIds"/>; other roles are left out (they do not bear on mail
    /// setup).</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> templateIds) =>
        templateIds.Select(id => Known.GetValueOrDefault(id.Trim())).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
