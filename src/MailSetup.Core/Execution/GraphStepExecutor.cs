using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Core.Plans;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace MailSetup.Core.Execution;

/// <summary>
/// Runs one Graph step through the SDK's request adapter (so the SDK's middleware applies): reads
/// return their first item, creates ask their probe first, and changes (PATCH) compare with what is
/// there and merge the lists a PATCH would replace, so a re-run changes nothing.
/// </summary>
internal sealed class GraphStepExecutor(GraphServiceClient graph)
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public sealed record Run(StepOutcome Outcome, JsonElement? Item);

    public async Task<Run> RunAsync(GraphStep step, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var references = ReferenceValues.From(values);
        if (step.ResultCollection is { } collection)
        {
            var answer = await SendAsync(step.Request(graph, references), cancellationToken);
            var first = answer is { } a ? JsonCapture.Items(a, collection).Cast<JsonElement?>().FirstOrDefault() : null;
            return first is null
                ? throw new StepFailedException($"found nothing: the answer's '{collection}' list is empty")
                : new Run(StepOutcome.Read, first);
        }
        if (step.Probe is { } probe && await FindAsync(probe, values, cancellationToken) is { } existing)
            return new Run(StepOutcome.Unchanged, existing);

        var request = step.Request(graph, references);
        if (request.HttpMethod == Method.PATCH)
        {
            var (needed, body) = await PrepareChangeAsync(step, request, cancellationToken);
            if (!needed) return new Run(StepOutcome.Unchanged, null);
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)), "application/json");
        }
        return new Run(StepOutcome.Changed, await SendAsync(request, cancellationToken));
    }

    /// <summary>Whether <paramref name="probe"/> finds what its step would create.</summary>
    public async Task<bool> ExistsAsync(GraphProbe probe, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        await FindAsync(probe, values, cancellationToken) is not null;

    private async Task<JsonElement?> FindAsync(GraphProbe probe, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var wanted = probe.Matches.Select(m => (m.Property, Value: Templates.Fill(m.Value, values))).ToList();
        RequestInformation? request = probe.Request(graph, ReferenceValues.From(values));
        while (request is not null)
        {
            var answer = await SendAsync(request, cancellationToken);
            if (answer is not { } page) return null;
            foreach (var item in JsonCapture.Items(page, probe.Collection))
            {
                if (wanted.All(
                    w =>
                        JsonCapture.TryProperty(item, w.Property, out var v)
                            && string.Equals(JsonCapture.Text(v), w.Value, StringComparison.OrdinalIgnoreCase)))
                    return item;
            }
            request = JsonCapture.TryProperty(page, "@odata.nextLink", out var next) && next.GetString() is { } link
                ? new RequestInformation { HttpMethod = Method.GET, URI = new Uri(link) }
                : null;
        }
        return null;
    }

    /// <summary>
    /// Reads the object's current values of the body's properties; merged lists become the union of
    /// both. The change is needed when any property would differ.
    /// </summary>
    private async Task<(bool Needed, string Body)> PrepareChangeAsync(GraphStep step, RequestInformation request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(ReadContent(request))!.AsObject();
        var properties = body.Where(p => !p.Key.StartsWith('@')).Select(p => p.Key).ToList();
        var read = new UriBuilder(request.URI) { Query = "$select=" + string.Join(",", properties) };
        var current = await SendAsync(new RequestInformation { HttpMethod = Method.GET, URI = read.Uri }, cancellationToken);
        var currentObject = current is { } c ? JsonNode.Parse(c.GetRawText())!.AsObject() : new JsonObject();

        var needed = false;
        foreach (var property in properties)
        {
            currentObject.TryGetPropertyValue(property, out var now);
            if (step.MergedLists.Contains(property) && body[property] is JsonArray wanted)
                body[property] = JsonSemantics.Union(now as JsonArray, wanted);
            needed |= !JsonSemantics.Same(now, body[property]);
        }
        return (needed, body.ToJsonString());
    }

    private async Task<JsonElement?> SendAsync(RequestInformation request, CancellationToken cancellationToken)
    {
        await using var stream = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, ErrorMapping, cancellationToken);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0) return null;
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }

    private static string ReadContent(RequestInformation request)
    {
        request.Content.Position = 0;
        using var reader = new StreamReader(request.Content, Encoding.UTF8, leaveOpen: true);
        return reader.ReadToEnd();
    }
}

/// <summary>A step that cannot succeed as planned (not a passing fault): the run stops there.</summary>
public sealed class StepFailedException(string message) : Exception(message);
