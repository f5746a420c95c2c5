using MailSetup.Core.Display;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailSetup.Core.Execution;

namespace MailSetupTui.Cli;

/// <summary>How apply reports: progress lines as steps finish (text) and the result (text or JSON). No secrets pass here; names and
/// errors are escaped values (TerminalText), so none starts a line of its own.</summary>
internal static class ApplyReport
{
    public static string Line(StepEvent e) => e switch
    {
        StepEvent.Retrying r =>
            $"[{r.Number}/{r.Total}] retrying ({TerminalText.Escape(r.Reason)}) in "
                + $"{r.Delay.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s: {TerminalText.Escape(r.Step.Title)}",
        StepEvent.Finished f =>
            $"[{f.Number}/{f.Total}] {Word(f.Outcome),-9} {TerminalText.Escape(f.Step.Title)} " +
            $"({f.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms)"
                                + (f.Detail is null ? "" : $"\n{new string(' ', 4)}{TerminalText.Escape(f.Detail)}"),
        _ => "",
    };

    /// <summary>The one line of a re-run that made no secret because the app has the plan's one already.</summary>
    public static string ExistingSecret(DateTimeOffset made) =>
        (made == DateTimeOffset.MinValue
            ? "a secret made earlier"
            : $"a secret made on {made.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
            + " exists; none created; use --new-secret to add one";

    /// <summary>The stop before any change when the app name is taken by apps mailsetup did not make: each listed, then the two ways on.</summary>
    public static string ForeignApps(ForeignAppsException taken)
    {
        var lines = new List<string>
        {
            $"mailsetup: error: --app-name: '{TerminalText.Escape(taken.DisplayName)}' is the name of {taken.Apps.Count} app(s) that mailsetup " +
                "did not make; nothing was changed:",
        };
        foreach (var app in taken.Apps)
            lines.Add($"  client id {TerminalText.Escape(app.AppId)}, created " +
                (app.Created is { } created ? created.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "(date unknown)"));
        lines.Add("Adopt one with --app-id CLIENT_ID (its permissions, certificates and redirect URIs are kept), or choose another name.");
        return string.Join('\n', lines);
    }

    public static string Summary(ApplyResult result, string journalPath) =>
        result.Succeeded
            ? $"Done: {result.Changed} changed, {result.Unchanged} unchanged."
            : $"Stopped: {result.Changed} changed, {result.Unchanged} unchanged, {result.Failed} failed. To resume, " +
                $"run again with --journal {journalPath}";

    public static string Json(ApplyResult result, string? journalPath)
    {
        using var buffer = new MemoryStream();
        using (var json =
            new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteBoolean("succeeded", result.Succeeded);
            json.WriteNumber("changed", result.Changed);
            json.WriteNumber("unchanged", result.Unchanged);
            json.WriteNumber("failed", result.Failed);
            if (journalPath is not null) json.WriteString("journal", journalPath);
            json.WriteStartObject("values");
            foreach (var (name, value) in result.Values.OrderBy(v => v.Key, StringComparer.Ordinal)) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteStartArray("steps");
            foreach (var step in result.Steps)
            {
                json.WriteStartObject();
                json.WriteNumber("number", step.Number);
                json.WriteString("key", step.Step.Key);
                json.WriteString("title", step.Step.Title);
                json.WriteString("outcome", Word(step.Outcome));
                json.WriteNumber("elapsedMs", Math.Round(step.Elapsed.TotalMilliseconds));
                if (step.Detail is not null) json.WriteString("detail", step.Detail);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static string Word(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
