namespace MailSetup.Core.Clouds;

/// <summary>The four clouds and their hosts as FACTS.md gives them.</summary>
public static class CloudCatalog
{
    public static Cloud Global { get; } = new(
        CloudName.Global, "global", "Global (and GCC)",
        new("login.microsoftonline.com"), new("graph.microsoft.com"),
        new("outlook.office365.com"), new("smtp.office365.com"),
        ExchangeEnvironmentName: null);

    public static Cloud UsGovHigh { get; } = new(
        CloudName.UsGovHigh, "usgov-high", "US Government GCC High",
        new("login.microsoftonline.us"), new("graph.microsoft.us"),
        new("outlook.office365.us"), new("smtp.office365.us"),
        "O365USGovGCCHigh");

    public static Cloud UsGovDod { get; } = new(
        CloudName.UsGovDod, "usgov-dod", "US Government DoD",
        new("login.microsoftonline.us"), new("dod-graph.microsoft.us"),
        new("outlook-dod.office365.us"),
        CloudHost.Unconfirmed("smtp.office365.us", "Microsoft does not publish the DoD SMTP host; this follows the GCC High pattern"),
        "O365USGovDoD");

    public static Cloud China { get; } = new(
        CloudName.China, "china", "China (21Vianet)",
        new("login.chinacloudapi.cn"), new("microsoftgraph.chinacloudapi.cn"),
        new("partner.outlook.cn"),
        CloudHost.Unconfirmed("smtp.partner.outlook.cn", "sources disagree between partner.outlook.cn and smtp.partner.outlook.cn"),
        "O365China");

    public static IReadOnlyList<Cloud> All { get; } = [Global, UsGovHigh, UsGovDod, China];

    public static IReadOnlyList<string> Keys { get; } = All.Select(c => c.Key).ToArray();

    public static Cloud Get(CloudName name) => All.Single(c => c.Name == name);

    /// <summary>Finds a cloud by its command-line key (global, usgov-high, usgov-dod, china).</summary>
    public static bool TryParse(string? key, out Cloud cloud)
    {
        cloud = All.FirstOrDefault(c => string.Equals(c.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase))!;
        return cloud is not null;
    }
}
