using System.Text;

namespace MailSetupTui.Cli;

/// <summary>The verdict and findings printed after one protocol's live trace.</summary>
internal static class DiagnoseText
{
    public static string Render(DiagnoseRun run)
    {
        var text = new StringBuilder();
        var result = run.Result;
        var verdict = result.Succeeded ? "login works" : "login FAILED";
        text.AppendLine($"{run.Name}: {verdict}{(result.FinalAnswer is { } answer ? $" ({answer})" : "")}");
        if (result.ErrorChallenge is { } challenge) text.AppendLine($"  server's error challenge (decoded): {challenge.Json}");
        if (run.Findings.Count == 0) text.AppendLine("  no findings.");
        foreach (var finding in run.Findings) FindingText.Append(text, finding);
        return text.ToString();
    }
}
