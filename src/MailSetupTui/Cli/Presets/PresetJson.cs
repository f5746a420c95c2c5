using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary>The presets as a JSON array, for scripts: names, the procedure each follows, permissions with their ids, protocols.</summary>
internal static class PresetJson
{
    public static string Render(IReadOnlyList<Preset> presets)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps "(client credentials)" and quotes readable; this text never lands in HTML.
        using (var json =
            new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var preset in presets) Write(json, preset);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter json, Preset preset)
    {
        json.WriteStartObject();
        json.WriteString("name", preset.Name);
        json.WriteString("summary", preset.Summary);
        json.WriteString("procedure", preset.Procedure);
        json.WriteStartArray("permissions");
        foreach (var permission in preset.Permissions)
        {
            json.WriteStartObject();
            json.WriteString("resource", permission.Resource.Key);
            json.WriteString("name", permission.Name);
            json.WriteString("kind", permission.Kind.ToString().ToLowerInvariant());
            json.WriteString("id", permission.Id);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteStrings(json, "appOnlyProtocols", preset.AppOnlyProtocols.Select(p => p.ToString().ToLowerInvariant()));
        WriteStrings(json, "delegatedProtocols", preset.DelegatedProtocols.Select(p => p.ToString().ToLowerInvariant()));
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
