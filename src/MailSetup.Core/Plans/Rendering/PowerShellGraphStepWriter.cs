using System.Text.Json;
using System.Text.Json.Nodes;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// A Graph step as an <c>Invoke-MgGraphRequest</c> call that sends the plan's request: same method,
/// URL and JSON body, with references read from variables. The body is a single-quoted here-string,
/// in which nothing expands, and references are put in with <c>.Replace</c>, so the text sent is the
/// plan's body byte for byte apart from the references.
/// </summary>
internal sealed class PowerShellGraphStepWriter(PowerShellScriptBuilder script, PowerShellVariables variables)
{
    // Headers Invoke-MgGraphRequest sets itself; the others are passed with -Headers.
    private static readonly HashSet<string> ImplicitHeaders = new(StringComparer.OrdinalIgnoreCase) { "Accept", "Content-Type" };

    public void Write(GraphStep step, PowerShellStepLabel label)
    {
        var preview = step.Preview;
        if (preview.Body is not null) WriteBody(preview.Body);

        if (step.Probe is { } probe)
        {
            script.Line(
                $"$item = Find-GraphItem -Uri {variables.Expression(probe.Preview.Url)} " +
                $"-Collection {PowerShellQuoting.SingleQuoted(probe.Collection)} -Wanted {Wanted(probe.Matches)}");
            script.Open("if ($null -ne $item) {");
            script.Line(label.Status("unchanged"));
            script.Continue("} else {");
            WriteRequest(step, "$item");
            if (step.Action == StepAction.Create && preview.Method == "PATCH")
            {
                script.Comment("An upsert that found the app by its key (renamed since) answers 204 without a body: read it back.");
                script.Line(
                    $"if ($null -eq $item) {{ $item = Invoke-WithRetry {{ Invoke-MgGraphRequest -Method GET " +
                    $"-Uri {variables.Expression(preview.Url)} -OutputType PSObject }} }}");
            }
            script.Line(label.Status(label.Done));
            script.Close();
        }
        else if (step.Ownership is { } ownership)
        {
            WriteRequest(step, "$answer");
            script.Line(
                $"$foreign = @($answer{PowerShellQuoting.Member(ownership.Collection)} | " +
                $"Where-Object {{ $_{PowerShellQuoting.Member(ownership.KeyProperty)} -ne {PowerShellQuoting.SingleQuoted(ownership.OwnKey)} }})");
            script.Open("if ($foreign.Count -gt 0) {");
            script.Line("$foreign | ForEach-Object { Write-Host \"  not made by mailsetup: client id $($_.appId), created $($_.createdDateTime)\" }");
            script.Line(label.Failure("another app has this name; adopt one by its client id, or choose another name. Nothing was changed."));
            script.Close();
            script.Line(label.Status(label.Done));
        }
        else if (IsChange(step))
        {
            WriteChange(step, label);
        }
        else
        {
            WriteRequest(step, step.Captures.Count > 0 || step.ResultCollection is not null ? "$answer" : "$null");
            if (step.ResultCollection is { } collection)
            {
                script.Line($"$item = @($answer{PowerShellQuoting.Member(collection)})[0]");
                script.Line(
                    $"if ($null -eq $item) " +
                    $"{{ {label.Failure($"found nothing (the answer's '{collection}' list is empty), so nothing after it has run.")} }}");
            }
            script.Line(label.Status(label.Done));
        }

        var root = step.Probe is not null || step.ResultCollection is not null ? "$item" : "$answer";
        PowerShellCaptureWriter.Write(script, variables, label, root, step.Captures);
    }

    /// <summary>
    /// A PATCH that sets properties of something that exists (not an upsert that creates it): like the runner,
    /// the script sends it only when the properties differ, so a re-run reports it unchanged.
    /// </summary>
    public static bool IsChange(GraphStep step) =>
        step.Preview is { Method: "PATCH", Body: not null } && step.Action != StepAction.Create && step.Probe is null
        && step.Ownership is null && step.ResultCollection is null && step.Captures.Count == 0;

    private void WriteChange(GraphStep step, PowerShellStepLabel label)
    {
        var preview = step.Preview;
        var properties = JsonNode.Parse(preview.Body!)!.AsObject().Select(p => p.Key).Where(k => !k.StartsWith('@')).ToList();
        // Merged lists need what the app has too: they are among the properties read.
        var read = Select(preview.Url, properties.Union(step.MergedLists));
        if (step.MergedLists.Count > 0) script.Comment("The app exists already: keep what it has in these lists (a PATCH replaces whole lists).");
        script.Line($"$current = Invoke-WithRetry {{ Invoke-MgGraphRequest -Method GET -Uri {variables.Expression(read)} -OutputType PSObject }}");
        if (step.MergedLists.Count > 0)
        {
            script.Line(
                $"$body = Merge-AppLists -Body $body -Current $current " +
                $"-Properties {string.Join(", ", step.MergedLists.Select(PowerShellQuoting.SingleQuoted))}");
        }
        script.Open("if (Test-BodyApplied -Body $body -Current $current) {");
        script.Line(label.Status("unchanged"));
        script.Continue("} else {");
        script.Line($"$null = Invoke-WithRetry {{ {Call(step)} -OutputType PSObject }}");
        script.Line(label.Status(label.Done));
        script.Close();
    }

    private static string Select(string url, IEnumerable<string> properties) =>
        url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "$select=" + string.Join(",", properties);

    private void WriteBody(string body)
    {
        var lines = body.ReplaceLineEndings("\n").Split('\n');
        // A here-string ends at a line starting with '@; indented JSON never has one, but be sure.
        if (lines.Any(l => l.StartsWith("'@", StringComparison.Ordinal)))
        {
            script.Line("$body = " + PowerShellQuoting.SingleQuoted(body));
        }
        else
        {
            script.Line("$body = @'");
            foreach (var line in lines) script.Verbatim(line);
            script.Verbatim("'@");
        }
        foreach (var reference in variables.ReferencesIn(body))
            script.Line($"$body = $body.Replace({PowerShellQuoting.SingleQuoted(reference.Placeholder)}, {variables.For(reference)})");
    }

    private void WriteRequest(GraphStep step, string assignTo)
    {
        var preview = step.Preview;
        var mergedLists = step.MergedLists;
        if (mergedLists.Count > 0)
        {
            script.Comment("The app exists already: keep what it has in these lists (a PATCH replaces whole lists).");
            var read = Select(preview.Url, mergedLists);
            script.Line(
                $"$current = Invoke-WithRetry {{ Invoke-MgGraphRequest -Method GET -Uri {variables.Expression(read)} -OutputType PSObject }}");
            script.Line(
                $"$body = Merge-AppLists -Body $body -Current $current " +
                $"-Properties {string.Join(", ", mergedLists.Select(PowerShellQuoting.SingleQuoted))}");
        }

        script.Line($"{assignTo} = Invoke-WithRetry {{ {Call(step)} -OutputType PSObject }}");
    }

    /// <summary>The step's request as an <c>Invoke-MgGraphRequest</c> call, without <c>-OutputType</c>.</summary>
    private string Call(GraphStep step)
    {
        var preview = step.Preview;
        var call = $"Invoke-MgGraphRequest -Method {preview.Method} -Uri {variables.Expression(preview.Url)}";
        if (preview.Body is not null)
        {
            var contentType =
                preview.Headers.FirstOrDefault(h => string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)).Value
                    ?? "application/json";
            call += " -Body $body -ContentType " + PowerShellQuoting.SingleQuoted(contentType);
        }
        var extraHeaders = preview.Headers.Where(h => !ImplicitHeaders.Contains(h.Key)).ToList();
        if (extraHeaders.Count > 0)
            call += " -Headers @{ " +
                string.Join("; ", extraHeaders.Select(h => $"{PowerShellQuoting.SingleQuoted(h.Key)} = {variables.Expression(h.Value)}")) + " }";
        return call;
    }

    private string Wanted(IReadOnlyList<ProbeMatch> matches) =>
        "([ordered]@{ " + string.Join("; ", matches.Select(m => $"{PowerShellQuoting.SingleQuoted(m.Property)} = {WantedValue(m)}")) + " })";

    /// <summary>A wanted value: the text to equal, or a table naming how to compare (the helper's StartsWith and After).</summary>
    private string WantedValue(ProbeMatch match) => match.Comparison switch
    {
        ProbeComparison.StartsWith => $"@{{ StartsWith = {variables.Expression(match.Value)} }}",
        ProbeComparison.After => $"@{{ After = {variables.Expression(match.Value)} }}",
        _ => variables.Expression(match.Value),
    };
}
