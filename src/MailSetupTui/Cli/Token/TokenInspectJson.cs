using System.Text;
using System.Text.Json;

namespace MailSetupTui.Cli;

/// <summary><c>token inspect --format json</c>: the same content as the text, for scripts.</summary>
internal static class TokenInspectJson
{
    public static string Render(TokenInspection inspection)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WritePropertyName("header");
            inspection.Claims.Header.WriteTo(json);

            json.WriteStartObject("claims");
            foreach (var (name, value) in inspection.ScalarClaims)
                if (value is not null) json.WriteString(name, value);
            WriteList(json, "roles", inspection.Claims.Roles);
            WriteList(json, "scp", inspection.Claims.Scopes);
            foreach (var (name, time) in inspection.Times)
                if (time is { } t) json.WriteString(name, t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
            json.WriteEndObject();

            json.WriteString("kind", inspection.Kind);
            WriteList(json, "protocols", inspection.Protocols.Select(p => p.ToString().ToLowerInvariant()).ToList());
            json.WriteStartArray("findings");
            foreach (var finding in inspection.Findings)
            {
                json.WriteStartObject();
                json.WriteString("code", finding.Code);
                json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                json.WriteString("evidence", finding.Evidence);
                json.WriteString("cause", finding.Cause);
                json.WriteString("fix", finding.Fix);
                if (finding.Docs is not null) json.WriteString("docs", finding.Docs);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
