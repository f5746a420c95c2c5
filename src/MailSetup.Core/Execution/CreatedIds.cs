using System.Text.Json;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// What a journal records of a create step's result: the ids its undo template names, by those names. A Graph undo's placeholders
/// (<c>{result.id}</c> recorded as <c>id</c>, <c>{exo.sp.id}</c>); an Exchange undo's text parameters (<c>Identity</c>, <c>User</c>).
/// An id the answer lacks is left out, not guessed: rollback then reports that step instead of undoing it.
/// </summary>
internal static class CreatedIds
{
    public static Dictionary<string, string> Record(StepUndo undo, IReadOnlyDictionary<string, string> values, JsonElement? result)
    {
        var created = new Dictionary<string, string>();
        if (undo.Cmdlet is { } cmdlet)
        {
            foreach (var parameter in cmdlet.Parameters)
            {
                if (parameter.Value is not string template) continue;
                var names = Templates.PlaceholdersIn(template).ToList();
                if (names.All(name => Value(name, values, result) is not null))
                    created[parameter.Name] = names.Aggregate(template, (text, name) => text.Replace("{" + name + "}", Value(name, values, result)));
            }
            return created;
        }
        foreach (var name in Templates.PlaceholdersIn(undo.GraphPath + undo.GraphBody))
        {
            if (Value(name, values, result) is not { } value) continue;
            var recordedAs = name.StartsWith(Templates.ResultPrefix, StringComparison.Ordinal) ? name[Templates.ResultPrefix.Length..] : name;
            created[recordedAs] = value;
        }
        return created;
    }

    private static string? Value(string name, IReadOnlyDictionary<string, string> values, JsonElement? result) =>
        name.StartsWith(Templates.ResultPrefix, StringComparison.Ordinal)
            ? result is { } item ? JsonCapture.Read(item, name[Templates.ResultPrefix.Length..]) : null
            : values.GetValueOrDefault(name);
}
