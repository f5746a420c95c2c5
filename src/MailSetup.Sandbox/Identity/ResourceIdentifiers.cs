using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Which resource a scope's prefix names. Exchange Online answers to https://outlook.office365.com
/// and https://outlook.office.com, Graph to https://graph.microsoft.com, and each to its app id;
/// the other clouds' hosts are accepted too, so a product set to another cloud works against the
/// sandbox just the same.
/// </summary>
internal static class ResourceIdentifiers
{
    public const string Graph = "https://graph.microsoft.com";

    private static readonly Dictionary<string, string> AppIdByIdentifier = Build();

    /// <summary>The resource's app id for an identifier URI or app id, or null when no resource has it.</summary>
    public static string? AppIdOf(string identifier) =>
        AppIdByIdentifier.TryGetValue(identifier.TrimEnd('/'), out var appId) ? appId : null;

    /// <summary>Every identifier URI of a resource: the audiences its tokens may carry.</summary>
    public static IReadOnlyList<string> Of(string appId) =>
        AppIdByIdentifier.Where(e => e.Value == appId && e.Key != appId).Select(e => e.Key).Order(StringComparer.Ordinal).ToList();

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["https://outlook.office.com"] = ApiResource.ExchangeOnline.AppId,
        };
        foreach (var resource in ApiResource.All) map[resource.AppId] = resource.AppId;
        foreach (var cloud in CloudCatalog.All)
        {
            map[$"https://{cloud.Graph.Name}"] = ApiResource.MicrosoftGraph.AppId;
            map[$"https://{cloud.Exchange.Name}"] = ApiResource.ExchangeOnline.AppId;
        }
        return map;
    }
}
