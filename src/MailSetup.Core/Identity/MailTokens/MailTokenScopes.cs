using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Identity.MailTokens;

/// <summary>
/// The scopes a mail token is asked for (FACTS.md, "Tokens"): app-only flows ask for the Exchange
/// resource's <c>.default</c> (the consented roles come with it); delegated flows name each protocol's
/// permission with the Exchange prefix (<c>https://outlook.office.com/</c> in the global cloud), never
/// the Graph prefix, which gives a token Exchange rejects.
/// </summary>
public static class MailTokenScopes
{
    public static IReadOnlyList<string> For(MailTokenRequest request) => request.Flow switch
    {
        MailTokenFlow.Secret or MailTokenFlow.Certificate => AppOnly(request.Cloud),
        _ => Delegated(request.Cloud, request.Protocols),
    };

    public static IReadOnlyList<string> AppOnly(Cloud cloud) => [cloud.ExchangeDefaultScope];

    /// <summary>
    /// offline_access is not listed: MSAL adds it (with openid and profile) to every delegated request
    /// and refuses it as a user-given scope.
    /// </summary>
    public static IReadOnlyList<string> Delegated(Cloud cloud, IEnumerable<MailProtocol> protocols) =>
        protocols.Distinct().Order().Select(p => cloud.DelegatedScopePrefix + DelegatedPermission(p)).ToList();

    public static string DelegatedPermission(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsUser.All",
        MailProtocol.Pop => "POP.AccessAsUser.All",
        _ => "SMTP.Send",
    };
}
