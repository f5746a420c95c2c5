using System.Text;
using MailSetup.Core.Diagnosis;

namespace MailSetupTui.Cli;

/// <summary>One finding as the CLI prints it, the same in every command: what, shown by what, and the fix.</summary>
internal static class FindingText
{
    public static void Append(StringBuilder text, Finding finding)
    {
        text.AppendLine($"  [{finding.Severity.ToString().ToLowerInvariant()}] {finding.Code}: {finding.Cause}");
        text.AppendLine($"      shown by: {finding.Evidence}");
        text.AppendLine($"      fix:      {finding.Fix}");
        if (finding.Docs is not null) text.AppendLine($"      docs:     {finding.Docs}");
    }
}
