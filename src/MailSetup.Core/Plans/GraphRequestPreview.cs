namespace MailSetup.Core.Plans;

/// <summary>
/// A Graph request as it goes over the wire, with stand-ins shown as <c>{references}</c>.
/// <see cref="Url"/> is absolute; <see cref="Body"/> is indented JSON or null.
/// </summary>
public sealed record GraphRequestPreview(
    string Method,
    string Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body)
{
    /// <summary>The path and query after the version segment (<c>/applications/{app.id}</c>).</summary>
    public string RelativeUrl(string graphBaseUrl) =>
        Url.StartsWith(graphBaseUrl, StringComparison.Ordinal) ? Url[graphBaseUrl.Length..] : Url;
}
