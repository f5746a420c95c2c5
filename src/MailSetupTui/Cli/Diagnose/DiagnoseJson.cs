using MailSetup.App.Diagnosis;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetupTui.Cli;

/// <summary><c>diagnose --format json</c>: one object with each protocol's result, findings and trace, for scripts.</summary>
internal static class DiagnoseJson
{
    // Relaxed escaping keeps quotes and angle brackets readable in causes and fixes; the output is never embedded in HTML.
    private static readonly JsonSerializerOptions Indented =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Render(IReadOnlyList<DiagnosisRun> runs)
    {
        var root = new JsonObject
        {
            ["succeeded"] = runs.All(r => r.Result.Succeeded),
            ["protocols"] = new JsonArray(runs.Select(Run).ToArray<JsonNode?>()),
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>Entra refused the token, so there are no protocols to report.</summary>
    public static string RenderRefused(string error, IReadOnlyList<MailSetup.Core.Diagnosis.Finding> findings)
    {
        var root = new JsonObject
        {
            ["succeeded"] = false,
            ["token"] = new JsonObject { ["error"] = error, ["findings"] = Findings(findings) },
            ["protocols"] = new JsonArray(),
        };
        return root.ToJsonString(Indented) + "\n";
    }

    private static JsonArray Findings(IReadOnlyList<MailSetup.Core.Diagnosis.Finding> findings) =>
        new(findings.Select(f => (JsonNode?)new JsonObject
        {
            ["code"] = f.Code,
            ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["evidence"] = f.Evidence,
            ["cause"] = f.Cause,
            ["fix"] = f.Fix,
            ["docs"] = f.Docs,
        }).ToArray());

    private static JsonObject Run(DiagnosisRun run)
    {
        var result = run.Result;
        return new JsonObject
        {
            ["protocol"] = run.Name,
            ["host"] = run.Target.Host,
            ["port"] = run.Target.Port,
            ["tls"] = run.Target.Tls.ToString().ToLowerInvariant(),
            ["succeeded"] = result.Succeeded,
            ["finalAnswer"] = result.FinalAnswer,
            ["errorChallenge"] = result.ErrorChallenge?.Json,
            ["failedStage"] = result.FailedStage?.ToString().ToLowerInvariant(),
            ["failure"] = result.Failure,
            ["failureKind"] = result.FailureKind is { } kind ? System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString()) : null,
            ["authenticationAccepted"] = result.AuthenticationAccepted,
            ["certificate"] = result.Tls is { } tls
                ? new JsonObject
                {
                    ["protocol"] = tls.Protocol,
                    ["cipher"] = tls.Cipher,
                    ["subject"] = tls.CertificateSubject,
                    ["issuer"] = tls.CertificateIssuer,
                    ["notAfter"] = tls.CertificateNotAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                    ["validation"] = tls.ValidationResult,
                    ["trusted"] = tls.Trusted,
                }
                : null,
            ["findings"] = Findings(run.Findings),
            ["trace"] = JsonNode.Parse(TraceExport.ToJson(result.Trace)),
        };
    }
}
