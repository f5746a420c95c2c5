using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Plans;

/// <summary>
/// Turns a request built with stand-ins into what a person reads: the wire URL (with <c>$select</c>,
/// not <c>%24select</c>), sorted headers, indented JSON body, and <c>{references}</c> in place of stand-ins.
/// </summary>
public static class GraphRequestPreviewer
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static GraphRequestPreview Preview(RequestInformation request)
    {
        var url = ShowReferences(WireUrl(request.URI));
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
            headers.Add(new(header.Key, string.Join(", ", header.Value)));
        headers.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return new GraphRequestPreview(request.HttpMethod.ToString().ToUpperInvariant(), url, headers, BodyOf(request));
    }

    /// <summary>
    /// The URL as it goes over the wire: the SDK's URI escapes the <c>$</c> of OData query option
    /// names (<c>%24select</c>) but sends <c>$select</c>; a <c>%24</c> inside a value stays escaped.
    /// </summary>
    public static string WireUrl(Uri uri) =>
        uri.AbsoluteUri.Replace("?%24", "?$", StringComparison.Ordinal).Replace("&%24", "&$", StringComparison.Ordinal);

    /// <summary>Placeholders the text holds, in catalog order.</summary>
    public static IReadOnlyList<Reference> ReferencesIn(string? text) =>
        text is null ? [] : References.All.Where(r => text.Contains(r.Placeholder, StringComparison.Ordinal)).ToList();

    /// <summary>Replaces every stand-in (GUID and base64 forms) with its <c>{name}</c>.</summary>
    public static string ShowReferences(string text)
    {
        foreach (var reference in References.All)
        {
            text = text.Replace(reference.StandIn.ToString(), reference.Placeholder, StringComparison.OrdinalIgnoreCase)
                       .Replace(reference.StandInBase64, reference.Placeholder, StringComparison.Ordinal);
        }
        return text;
    }

    private static string? BodyOf(RequestInformation request)
    {
        if (request.Content is null || request.Content.Length == 0) return null;
        request.Content.Position = 0;
        using var reader = new StreamReader(request.Content, Encoding.UTF8, leaveOpen: true);
        var raw = reader.ReadToEnd();
        request.Content.Position = 0;
        using var document = JsonDocument.Parse(raw);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented)) document.WriteTo(writer);
        return ShowReferences(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
