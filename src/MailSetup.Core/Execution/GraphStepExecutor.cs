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

    public sealed record Run(StepOutcome Outcome, JsonElement? Item, string? Detail = null);

    public async Task<Run> RunAsync(GraphStep step, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var references = ReferenceValues.From(values);
        if (step.ResultCollection is { } collection)
        {
            var read = await SendAsync(step.Request(graph, references), cancellationToken);
            var first = read is { } a ? JsonCapture.Items(a, collection).Cast<JsonElement?>().FirstOrDefault() : null;
            return first is null
                ? throw new StepFailedException($"found nothing: the answer's '{collection}' list is empty")
                : new Run(StepOutcome.Read, first);
        }
        if (step.Ownership is { } ownership)
        {
            await CheckOwnershipAsync(step.Request(graph, references), ownership, cancellationToken);
            return new Run(StepOutcome.Read, null);
        }
        if (step.Probe is { } probe && await FindAsync(probe, values, cancellationToken) is { } existing)
            return new Run(StepOutcome.Unchanged, existing);

        var request = step.Request(graph, references);
        // An upsert (PATCH with Prefer: create-if-missing) creates: there is nothing to compare with yet.
        if (request.HttpMethod == Method.PATCH && step.Action != StepAction.Create)
        {
            var (needed, body, merged) = await PrepareChangeAsync(step, request, cancellationToken);
            if (!needed) return new Run(StepOutcome.Unchanged, null, merged);
            request.SetStreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)), "application/json");
            return new Run(StepOutcome.Changed, await SendAsync(request, cancellationToken), merged);
        }
        var answer = await SendAsync(request, cancellationToken);
        if (answer is null && step.Action == StepAction.Create && request.HttpMethod == Method.PATCH && step.Captures.Count > 0)
        {
            // 204: the upsert found the object by its key after all (renamed since, so the probe missed it) and updated it. It is
            // read back for its ids, and counts as found, not made: rollback must not delete what an earlier run created.
            var found = await SendAsync(new RequestInformation { HttpMethod = Method.GET, URI = request.URI }, cancellationToken);
            return new Run(StepOutcome.Unchanged, found);
        }
        return new Run(StepOutcome.Changed, answer);
    }

    /// <summary>Stops with <see cref="ForeignAppsException"/> when the listed objects include one without our key.</summary>
    private async Task CheckOwnershipAsync(RequestInformation request, OwnershipCheck ownership, CancellationToken cancellationToken)
    {
        var foreign = new List<ForeignApp>();
        string? name = null;
        await foreach (var item in ItemsAsync(request, ownership.Collection, cancellationToken))
        {
            name ??= Text(item, "displayName");
            if (string.Equals(Text(item, ownership.KeyProperty), ownership.OwnKey, StringComparison.OrdinalIgnoreCase)) continue;
            foreign.Add(new ForeignApp(Text(item, "appId") ?? "", Text(item, "id") ?? "", Text(item, "displayName") ?? "",
                JsonCapture.TryProperty(item, "createdDateTime", out var created) && created.TryGetDateTimeOffset(out var when) ? when : null));
        }
        if (foreign.Count > 0) throw new ForeignAppsException(name ?? "", foreign);
    }

    private static string? Text(JsonElement item, string property) =>
        JsonCapture.TryProperty(item, property, out var value) ? JsonCapture.Text(value) : null;

    /// <summary>Whether <paramref name="probe"/> finds what its step would create.</summary>
    public async Task<bool> ExistsAsync(GraphProbe probe, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        await FindAsync(probe, values, cancellationToken) is not null;

    private async Task<JsonElement?> FindAsync(GraphProbe probe, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var wanted = probe.Matches.Select(m => (Match: m, Value: Templates.Fill(m.Value, values))).ToList();
        await foreach (var item in ItemsAsync(probe.Request(graph, ReferenceValues.From(values)), probe.Collection, cancellationToken))
        {
            if (wanted.All(w => w.Match.Accepts(Text(item, w.Match.Property), w.Value)))
                return item;
        }
        return null;
    }

    /// <summary>The items of a collection read, page after page (<c>@odata.nextLink</c>).</summary>
    private async IAsyncEnumerable<JsonElement> ItemsAsync(RequestInformation first, string collection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RequestInformation? request = first;
        while (request is not null)
        {
            var answer = await SendAsync(request, cancellationToken);
            if (answer is not { } page) yield break;
            foreach (var item in JsonCapture.Items(page, collection)) yield return item;
            request = JsonCapture.TryProperty(page, "@odata.nextLink", out var next) && next.GetString() is { } link
                ? new RequestInformation { HttpMethod = Method.GET, URI = new Uri(link) }
                : null;
        }
    }

    /// <summary>
    /// Reads the object's current values of the body's properties; merged lists become the union of
    /// both, and what that adds is described. The change is needed when any property would differ.
    /// </summary>
    private async Task<(bool Needed, string Body, string? Merged)> PrepareChangeAsync(GraphStep step, RequestInformation request,
        CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(ReadContent(request))!.AsObject();
        var properties = body.Where(p => !p.Key.StartsWith('@')).Select(p => p.Key).ToList();
        var read = new UriBuilder(request.URI) { Query = "$select=" + string.Join(",", properties) };
        var current = await SendAsync(new RequestInformation { HttpMethod = Method.GET, URI = read.Uri }, cancellationToken);
        var currentObject = current is { } c ? JsonNode.Parse(c.GetRawText())!.AsObject() : new JsonObject();

        var needed = false;
        var added = new List<JsonNode?>();
        var kept = 0;
        foreach (var property in properties)
        {
            currentObject.TryGetPropertyValue(property, out var now);
            if (step.MergedLists.Contains(property) && body[property] is JsonArray wanted)
            {
                body[property] = JsonSemantics.Union(now as JsonArray, wanted, added);
                kept += MergeReport.Entries(now as JsonArray);
            }
            needed |= !JsonSemantics.Same(now, body[property]);
        }
        return (needed, body.ToJsonString(), step.MergedLists.Count > 0 ? MergeReport.Describe(added, kept) : null);
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
