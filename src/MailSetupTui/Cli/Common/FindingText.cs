using MailSetup.Core.Display;
using System.Text;
using MailSetup.Core.Diagnosis;

namespace MailSetupTui.Cli;

/// <summary>
/// One finding as the CLI prints it, the same in every command: what, shown by what, and the fix. Each value is put on its
/// line escaped (<see cref="TerminalText"/>): a server's words in the evidence can never start a line of their own.
/// </summary>
internal static class FindingText
{
    public static void Append(StringBuilder text, Finding finding)
    {
        text.AppendLine($"  [{finding.Severity.ToString().ToLowerInvariant()}] {finding.Code}: {TerminalText.Escape(finding.Cause)}");
        text.AppendLine($"      shown by: {TerminalText.Escape(finding.Evidence)}");
        text.AppendLine($"      fix:      {TerminalText.Escape(finding.Fix)}");
        if (finding.Docs is not null) text.AppendLine($"      docs:     {TerminalText.Escape(finding.Docs)}");
    }
}
