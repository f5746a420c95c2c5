using System.Text.Json;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>Fills <c>{references}</c> and <c>{result.Property}</c> in plan text with run-time values.</summary>
public static class Templates
{
    public const string ResultPrefix = "result.";

    /// <summary>The names of the placeholders in <paramref name="template"/>, in order (<c>exo.sp.id</c>, <c>result.id</c>).</summary>
    public static IEnumerable<string> PlaceholdersIn(string template)
    {
        for (var start = template.IndexOf('{'); start >= 0; start = template.IndexOf('{', start + 1))
        {
            var end = template.IndexOf('}', start);
            if (end < 0) yield break;
            var name = template[(start + 1)..end];
            if (name.Length > 0 && !name.Contains('"') && !name.Contains(':')) yield return name;
        }
    }

    public static string Fill(string template, IReadOnlyDictionary<string, string> values, JsonElement? result = null)
    {
        if (!template.Contains('{')) return template;
        var text = template;
        foreach (var reference in References.All)
        {
            if (text.Contains(reference.Placeholder, StringComparison.Ordinal) && values.TryGetValue(reference.Name, out var value))
                text = text.Replace(reference.Placeholder, value, StringComparison.Ordinal);
        }
        if (result is { } item)
        {
            var start = text.IndexOf("{result.", StringComparison.Ordinal);
            while (start >= 0)
            {
                var end = text.IndexOf('}', start);
                var property = text[(start + "{result.".Length)..end];
                var value =
                    JsonCapture.Read(item, property) ?? throw new InvalidOperationException($"the created object has no '{property}' to undo it by.");
                text = text[..start] + value + text[(end + 1)..];
                start = text.IndexOf("{result.", start + value.Length, StringComparison.Ordinal);
            }
        }
        return text;
    }
}
