using System.Globalization;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>A step's place in the script, for its comment header and the lines it prints.</summary>
internal sealed record PowerShellStepLabel(int Number, int Total, PlanStep Step)
{
    public string Position => string.Create(CultureInfo.InvariantCulture, $"{Number}/{Total}");

    /// <summary>The comment a reviewer reads before the step's code: number, title and why.</summary>
    public void WriteHeader(PowerShellScriptBuilder script)
    {
        script.Line("# " + new string('-', PowerShellScriptBuilder.Width - 2));
        script.Comment(string.Create(CultureInfo.InvariantCulture, $"Step {Number} of {Total} ({Step.Key}): {Step.Title}"), hanging: 4);
        script.Comment(Step.Why, "Why: ", hanging: 0);
        script.Line("# " + new string('-', PowerShellScriptBuilder.Width - 2));
    }

    /// <summary><c>Write-Host '[3/14] created: Create the app registration'</c>.</summary>
    public string Status(string outcome) =>
        "Write-Host " + PowerShellQuoting.SingleQuoted($"[{Position}] {outcome}: {Step.Title}");

    /// <summary>The past tense a step's outcome is printed with when it did its work.</summary>
    public string Done => Step.Action switch
    {
        StepAction.Create => "created",
        StepAction.Change => "changed",
        StepAction.Read => "read",
        StepAction.Connect => "connected",
        StepAction.Generate => "generated",
        StepAction.Verify => "checked",
        _ => "done",
    };

    /// <summary>A message for <c>throw</c>, naming the step.</summary>
    public string Failure(string problem) =>
        "throw " + PowerShellQuoting.SingleQuoted($"Step {Position} ({Step.Title}): {problem}");
}
