using System.Globalization;
using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Graph;

/// <summary>Dates as Graph writes and reads them: ISO 8601 in UTC with a Z.</summary>
internal static class GraphDates
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static JsonNode? Node(DateTimeOffset? value) => value is { } v ? JsonValue.Create(Format(v)) : null;

    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
