using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Diagnosis;

/// <summary>Which <c>aud</c> values mean Exchange (what IMAP/POP/SMTP accept) and which mean Graph.</summary>
public static class TokenAudiences
{
    /// <summary>Exchange audiences of <paramref name="cloud"/>; every cloud's when null.</summary>
    public static IReadOnlyList<string> Exchange(Cloud? cloud)
    {
        var clouds = cloud is null ? CloudCatalog.All : [cloud];
        var hosts = clouds.Select(c => $"https://{c.Exchange.Name}").ToList();
        // Delegated tokens asked for with the outlook.office.com prefix carry that audience.
        if (clouds.Any(c => c.Name == CloudName.Global)) hosts.Add("https://outlook.office.com");
        hosts.Add(ApiResource.ExchangeOnline.AppId); // v1 tokens may name the resource by its appId
        return hosts;
    }

    public static IReadOnlyList<string> Graph { get; } =
        [.. CloudCatalog.All.Select(c => $"https://{c.Graph.Name}").Distinct(), ApiResource.MicrosoftGraph.AppId];

    public static bool IsExchange(string? audience, Cloud? cloud) =>
        audience is not null && Exchange(cloud).Contains(Normalize(audience), StringComparer.OrdinalIgnoreCase);

    public static bool IsGraph(string? audience) => audience is not null && Graph.Contains(Normalize(audience), StringComparer.OrdinalIgnoreCase);

    private static string Normalize(string audience) => audience.Trim().TrimEnd('/');
}
