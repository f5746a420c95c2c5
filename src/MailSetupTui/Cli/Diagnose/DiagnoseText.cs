using MailSetup.Core.Display;
using MailSetup.App.Diagnosis;
using System.Text;

namespace MailSetupTui.Cli;

/// <summary>The verdict and findings printed after one protocol's live trace.</summary>
internal static class DiagnoseText
{
    public static string Render(DiagnosisRun run)
    {
        var text = new StringBuilder();
        var result = run.Result;
        var verdict = result.Succeeded ? "login works" : "login FAILED";
        // The server's words, escaped so each stays on its line (TerminalText).
        text.AppendLine($"{run.Name}: {verdict}{(result.FinalAnswer is { } answer ? $" ({TerminalText.Escape(answer)})" : "")}");
        if (result.ErrorChallenge is { } challenge) text.AppendLine($"  server's error challenge (decoded): {TerminalText.Escape(challenge.Json)}");
        if (run.Findings.Count == 0) text.AppendLine("  no findings.");
        foreach (var finding in run.Findings) FindingText.Append(text, finding);
        return text.ToString();
    }

    /// <summary>Entra refused the token, so no login was tried.</summary>
    public static string RenderRefused(string error, IReadOnlyList<MailSetup.Core.Diagnosis.Finding> findings)
    {
        var text = new StringBuilder();
        text.AppendLine($"token: FAILED ({TerminalText.Escape(error)})");
        text.AppendLine("  no login was tried without a token.");
        foreach (var finding in findings) FindingText.Append(text, finding);
        return text.ToString();
    }
}
