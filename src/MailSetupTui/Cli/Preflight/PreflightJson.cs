using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Core.Preflight;

namespace MailSetupTui.Cli;

/// <summary><c>preflight --format json</c>: the chain as one object, for scripts and monitoring.</summary>
internal static class PreflightJson
{
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(PreflightReport report) => new JsonObject
    {
        ["appId"] = report.AppId,
        ["mailbox"] = report.Mailbox,
        ["passed"] = report.Passed,
        ["brokenAt"] = report.BrokenLink?.Key,
        ["links"] = new JsonArray(report.Links.Select(l => (JsonNode?)new JsonObject
        {
            ["key"] = l.Key,
            ["title"] = l.Title,
            ["status"] = JsonNamingPolicy.KebabCaseLower.ConvertName(l.Status.ToString()),
            ["evidence"] = l.Evidence,
            ["fix"] = l.Fix,
        }).ToArray()),
    }.ToJsonString(Indented) + "\n";
}
