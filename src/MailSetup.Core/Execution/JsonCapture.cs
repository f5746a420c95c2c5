using System.Text.Json;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>Reads values out of JSON answers by <see cref="CapturePath"/>, and matches items for probes.</summary>
public static class JsonCapture
{
    /// <summary>The value at the path as text, or null when the path finds nothing.</summary>
    public static string? Read(JsonElement item, string path)
    {
        var current = item;
        foreach (var segment in CapturePath.Parse(path))
        {
            if (!TryProperty(current, segment.Property, out current)) return null;
            if (segment.FilterProperty is null) continue;
            if (current.ValueKind != JsonValueKind.Array) return null;
            var found =
                current.EnumerateArray().FirstOrDefault(e => TryProperty(e, segment.FilterProperty, out var v) && Text(v) == segment.FilterValue);
            if (found.ValueKind == JsonValueKind.Undefined) return null;
            current = found;
        }
        return current.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : Text(current);
    }

    /// <summary>Text of a JSON value as the plans compare it (strings as-is, others as raw JSON).</summary>
    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        _ => value.GetRawText(),
    };

    /// <summary>Property lookup ignoring case: Graph is camelCase, Exchange output PascalCase.</summary>
    public static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object) return false;
        if (element.TryGetProperty(name, out value)) return true;
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    /// <summary>Items of the named array property (or the array itself when <paramref name="collection"/> is empty).</summary>
    public static IEnumerable<JsonElement> Items(JsonElement answer, string collection) =>
        collection.Length == 0
            ? (answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray() : [])
            : TryProperty(answer, collection, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
}
