namespace MailSetup.Core.Catalog;

/// <summary>
/// An API whose permissions an app asks for. <see cref="Key"/> names it in references and on the
/// command line (<c>exo</c>, <c>graph</c>).
/// </summary>
public sealed record ApiResource(string Key, string DisplayName, string AppId)
{
    public static ApiResource ExchangeOnline { get; } =
        new("exo", "Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000");

    public static ApiResource MicrosoftGraph { get; } =
        new("graph", "Microsoft Graph", "00000003-0000-0000-c000-000000000000");

    public static IReadOnlyList<ApiResource> All { get; } = [ExchangeOnline, MicrosoftGraph];
}
