using MailSetup.Core.Display;
using System.Text;
using MailSetup.Core.Preflight;

namespace MailSetupTui.Cli;

/// <summary>The preflight checklist as printed: one line per link as it is judged, the fix under a broken or warned link, a verdict at the
/// end.</summary>
internal static class PreflightText
{
    public static string Link(PreflightLink link)
    {
        var text = new StringBuilder();
        var mark = link.Status switch
        {
            PreflightStatus.Passed => "[ok]  ",
            PreflightStatus.Warning => "[warn]",
            PreflightStatus.Failed => "[FAIL]",
            _ => "[--]  ",
        };
        // Evidence quotes the directory and the servers: escaped, so it stays on its line (TerminalText).
        text.AppendLine($"  {mark} {link.Title}: {TerminalText.Escape(link.Evidence)}");
        if (link.Fix is not null && link.Status is PreflightStatus.Failed or PreflightStatus.Warning)
            text.AppendLine($"         fix: {TerminalText.Escape(link.Fix)}");
        return text.ToString();
    }

    /// <summary>The links never reached (they are not streamed), then the verdict.</summary>
    public static string Summary(PreflightReport report)
    {
        var text = new StringBuilder();
        var broken = report.BrokenLink;
        if (broken is not null)
            foreach (var skipped in report.Links.SkipWhile(l => l != broken).Skip(1)) text.Append(Link(skipped));
        text.AppendLine(broken is not null
            ? $"result: broken at \"{broken.Title}\"; fix it and run preflight again."
            : report.Passed ? "result: every link holds; the login works."
            : "result: no broken link found, but the token and login were not checked (give the app's credential: --secret-file, " +
                "AZURE_CLIENT_SECRET or --auth).");
        return text.ToString();
    }
}
