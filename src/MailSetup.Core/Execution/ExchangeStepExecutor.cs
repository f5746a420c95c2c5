using System.Text.Json;
using MailSetup.Core.Exchange;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// Runs one Exchange step through an <see cref="IExchangeCommandRunner"/>: creates ask their probe
/// first; checks report what they find and never stop the run (the setup is done by then).
/// </summary>
internal sealed class ExchangeStepExecutor(IExchangeCommandRunner exchange)
{
    public sealed record Run(StepOutcome Outcome, JsonElement? Item, string? Detail);

    public async Task<Run> RunAsync(ExchangeStep step, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        switch (step.Action)
        {
            case StepAction.Connect:
                // The admin API runner is signed in already; Connect-ExchangeOnline is for the script.
                return new(StepOutcome.Read, null, exchange.Experimental ? "Exchange admin API (experimental)" : "Exchange admin API");
            case StepAction.Verify:
                try
                {
                    var found = await exchange.InvokeAsync(Fill(step.Cmdlet, values), cancellationToken);
                    return new(StepOutcome.Read, found.Cast<JsonElement?>().FirstOrDefault(), Describe(found));
                }
                catch (ExchangeCommandException e)
                {
                    return new(StepOutcome.Read, null, "could not check: " + e.Message);
                }
            case StepAction.Read:
                var read = await exchange.InvokeAsync(Fill(step.Cmdlet, values), cancellationToken);
                return read.Count == 0
                    ? throw new StepFailedException($"{step.Cmdlet.Name} found nothing")
                    : new(StepOutcome.Read, read[0], null);
            default:
                if (step.Probe is { } probe && await FindAsync(probe, values, cancellationToken) is { } existing)
                    return new(StepOutcome.Unchanged, existing, null);
                var made = await exchange.InvokeAsync(Fill(step.Cmdlet, values), cancellationToken);
                return new(StepOutcome.Changed, made.Cast<JsonElement?>().FirstOrDefault(), null);
        }
    }

    public Task<IReadOnlyList<JsonElement>> InvokeAsync(Cmdlet cmdlet, CancellationToken cancellationToken) =>
        exchange.InvokeAsync(cmdlet, cancellationToken);

    private async Task<JsonElement?> FindAsync(ExchangeProbe probe, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> found;
        try
        {
            found = await exchange.InvokeAsync(Fill(probe.Query, values), cancellationToken);
        }
        catch (ExchangeCommandException e) when (e.IsNotFound)
        {
            return null;
        }
        foreach (var item in found)
        {
            if (probe.Filters.All(f => Matches(item, f, Templates.Fill(f.Value, values)))) return item;
        }
        return null;
    }

    private static bool Matches(JsonElement item, ExchangeProbeFilter filter, string wanted)
    {
        if (!JsonCapture.TryProperty(item, filter.Property, out var value)) return false;
        var texts = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(JsonCapture.Text).ToList() : [JsonCapture.Text(value)];
        return filter.Comparison == ProbeComparison.Contains
            ? texts.Any(t => t.Contains(wanted, StringComparison.OrdinalIgnoreCase))
            : texts.Any(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase));
    }

    public static Cmdlet Fill(Cmdlet cmdlet, IReadOnlyDictionary<string, string> values, JsonElement? result = null) =>
        cmdlet with
        {
            Parameters = cmdlet.Parameters.Select(p => p.Value is string text ? p with { Value = Templates.Fill(text, values, result) } : p).ToList(),
        };

    /// <summary>A check's answer in a line: the yes/no settings it reports (ImapEnabled=True, ...).</summary>
    private static string Describe(IReadOnlyList<JsonElement> found)
    {
        if (found.Count == 0) return "nothing found";
        var flags = found[0].ValueKind == JsonValueKind.Object
            ? found[0].EnumerateObject().Where(p => p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                .Select(p => $"{p.Name}={JsonCapture.Text(p.Value)}").ToList()
            : [];
        return flags.Count > 0 ? string.Join(", ", flags) : $"{found.Count} result(s)";
    }
}
