namespace MailSetup.Core.Clouds;

/// <summary>The host names and Exchange environment of one national cloud.</summary>
public sealed record Cloud(
    CloudName Name,
    string Key,
    string DisplayName,
    CloudHost Login,
    CloudHost Graph,
    CloudHost Exchange,
    CloudHost Smtp,
    string? ExchangeEnvironmentName)
{
    /// <summary>Graph's v1.0 base address for the Graph SDK.</summary>
    public string GraphBaseUrl => $"https://{Graph.Name}/v1.0";

    /// <summary>Scope of an app-only token for IMAP, POP and SMTP.</summary>
    public string ExchangeDefaultScope => $"https://{Exchange.Name}/.default";

    /// <summary>
    /// Prefix of delegated Exchange scopes (<c>IMAP.AccessAsUser.All</c>): outlook.office.com in the
    /// global cloud (FACTS.md), the cloud's Exchange host elsewhere.
    /// </summary>
    public string DelegatedScopePrefix => Name == CloudName.Global ? "https://outlook.office.com/" : $"https://{Exchange.Name}/";

    /// <summary>
    /// The app-only token scope with its standing: Microsoft documents it for the global cloud only (FACTS.md); elsewhere it follows
    /// the Exchange host by pattern, unless the admin named that host.
    /// </summary>
    public CloudHost ExchangeScope => Documented(ExchangeDefaultScope);

    /// <summary>The delegated scope prefix with its standing, as <see cref="ExchangeScope"/>.</summary>
    public CloudHost DelegatedPrefix => Documented(DelegatedScopePrefix);

    private CloudHost Documented(string value) => Name == CloudName.Global || Exchange.IsOverridden
        ? new CloudHost(value)
        : CloudHost.Unconfirmed(value, $"no Microsoft page gives it for {DisplayName}; it follows the Exchange host");

    /// <summary>Every host that is not confirmed, with its role, for warnings.</summary>
    public IEnumerable<(string Role, CloudHost Host)> UnconfirmedHosts()
    {
        foreach (var (role, host) in new[] { ("login", Login), ("graph", Graph), ("exchange", Exchange), ("smtp", Smtp) })
        {
            if (!host.Confirmed) yield return (role, host);
        }
    }

    /// <summary>A copy with the given hosts replaced; null keeps the cloud's own.</summary>
    public Cloud WithOverrides(CloudHostOverrides overrides) => this with
    {
        Login = Override(Login, overrides.Login),
        Graph = Override(Graph, overrides.Graph),
        Exchange = Override(Exchange, overrides.Exchange),
        Smtp = Override(Smtp, overrides.Smtp),
    };

    private static CloudHost Override(CloudHost original, string? host) =>
        string.IsNullOrWhiteSpace(host) ? original : CloudHost.Overridden(host.Trim());
}

/// <summary>Host names a user sets in place of a cloud's defaults.</summary>
public sealed record CloudHostOverrides(string? Login = null, string? Graph = null, string? Exchange = null, string? Smtp = null);
