using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Exchange;

/// <summary>
/// A cmdlet's parameters as the admin API sends them: strings, JSON bools (switches as true), and
/// arrays for multi-valued parameters. Names match in any case, as in PowerShell; a name the cmdlet
/// does not take fails the call as PowerShell's parameter binding does.
/// </summary>
internal sealed class CmdletParameters
{
    /// <summary>Parameters every cmdlet takes and the sandbox ignores.</summary>
    private static readonly string[] Common = ["Confirm", "ErrorAction", "WarningAction", "Verbose", "Debug", "WhatIf", "ResultSize", "Force"];

    private readonly Dictionary<string, JsonNode?> _values;

    public CmdletParameters(JsonObject parameters, IReadOnlyCollection<string> accepted, IReadOnlyCollection<string> mandatory)
    {
        _values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in parameters)
        {
            if (!accepted.Contains(name, StringComparer.OrdinalIgnoreCase) && !Common.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw ExchangeException.UnknownParameter(name);
            _values[name] = value;
        }
        var missing = mandatory.Where(m => Text(m) is null && !_values.ContainsKey(m)).ToList();
        if (missing.Count > 0) throw ExchangeException.MissingParameters(missing);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? Text(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null) return null;
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        if (node is JsonArray { Count: 1 } single) return single[0]?.ToString();
        throw ExchangeException.InvalidValue(name, node.ToJsonString(), "System.String");
    }

    public string RequiredText(string name) =>
        Text(name) is { Length: > 0 } text ? text : throw ExchangeException.MissingParameters([name]);

    /// <summary>A bool given as JSON true/false or as text (True, $false, ...).</summary>
    public bool? Bool(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null) return null;
        if (node is JsonValue value)
        {
            if (value.TryGetValue<bool>(out var flag)) return flag;
            if (value.TryGetValue<string>(out var text))
            {
                switch (text.Trim().TrimStart('$').ToLowerInvariant())
                {
                    case "true": return true;
                    case "false": return false;
                }
            }
        }
        throw ExchangeException.InvalidValue(name, node.ToJsonString(), "System.Boolean");
    }

    /// <summary>A multi-valued parameter: an array, or one text with values separated by commas.</summary>
    public IReadOnlyList<string> List(string name)
    {
        if (!_values.TryGetValue(name, out var node) || node is null) return [];
        var values = node is JsonArray array ? array.Select(v => v?.ToString() ?? "") : [Text(name) ?? ""];
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
