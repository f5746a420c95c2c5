using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailSetup.Core.Execution;

/// <summary>The journal's lines as JSON: a header (<c>{"journal":"mailsetup run",...}</c>) first, then one step record a line.</summary>
internal static class JournalLines
{
    private const string HeaderMark = "mailsetup run";
    private const int Version = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Entry(JournalEntry entry) => JsonSerializer.Serialize(entry, Json);

    public static string Header(JournalBinding binding) =>
        JsonSerializer.Serialize(new HeaderLine(HeaderMark, Version, binding.Plan, binding.PlanDay, binding.Target), Json);

    /// <summary>A <see cref="JournalEntry"/>, a <see cref="JournalBinding"/>, or null for a line that is neither (torn, garbled, foreign).</summary>
    public static object? Read(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            if (root.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String && key.GetString()!.Length > 0)
                return root.Deserialize<JournalEntry>(Json);
            if (root.TryGetProperty("journal", out var mark) && mark.ValueKind == JsonValueKind.String && mark.GetString() == HeaderMark
                && root.Deserialize<HeaderLine>(Json) is { Plan.Length: > 0, PlanDay.Length: > 0, Target.Length: > 0 } header)
                return new JournalBinding(header.Plan, header.PlanDay, header.Target);
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record HeaderLine(string Journal, int Version, string Plan, string PlanDay, string Target);
}
