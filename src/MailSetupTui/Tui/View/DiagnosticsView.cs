using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Preflight;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

/// <summary>
/// The Diagnostics pane: the protocol picker, the live trace (newest at the bottom while following),
/// and below it each login's verdict with its findings, or the preflight checklist.
/// </summary>
public static class DiagnosticsView
{
    public static string Render(TuiState state, ViewLines lines, TuiTheme theme)
    {
        var diagnostics = state.Diagnostics;
        var mailbox = state.Mailboxes.Selected.Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault() ?? state.Mailboxes.Current?.Address ?? "(pick one in 4)";
        lines.Add((Protocol(diagnostics, MailProtocol.Imap, "i"), theme.Normal), (Protocol(diagnostics, MailProtocol.Pop, "o"), theme.Normal), (Protocol(diagnostics, MailProtocol.Smtp, "s"), theme.Normal),
            ("  mailbox ", theme.Dim), (mailbox, theme.Title), ("  app ", theme.Dim), (state.App.AdoptedAppId ?? "newest mail app", theme.Normal));

        lines.Add(("auth ", theme.Dim), (AuthName(diagnostics), diagnostics.Delegated ? theme.Selected : theme.Normal), (" (a)", theme.Dim),
            diagnostics.Delegated ? ("   signs in: ", theme.Dim) : ("", theme.Dim),
            diagnostics.Delegated ? (diagnostics.Editing == InputField.User ? InputText.WithCaret(diagnostics.User ?? new TextInput()) : diagnostics.User?.Text is { Length: > 0 } u ? u : "the mailbox", diagnostics.Editing == InputField.User ? theme.Focus : theme.Normal) : ("", theme.Dim),
            diagnostics.Delegated ? (" (u)", theme.Dim) : ("", theme.Dim));
        if (diagnostics.Editing == InputField.Password)
            lines.Add(("password: ", theme.Title), (InputText.WithCaret(diagnostics.Password ?? new TextInput(masked: true)), theme.Focus), ("  (Enter runs, Esc cancels; not kept after this run; the password flow cannot do MFA and is not recommended)", theme.Dim));
        var results = Results(state, theme, lines.Width);
        var traceRows = Math.Max(3, lines.Remaining - 1 - Math.Min(results.Count, (lines.Remaining - 1) / 2));
        var where = diagnostics.Follow ? "following" : $"scrolled back {diagnostics.ScrollBack} (End follows)";
        var filter = diagnostics.ProtocolFilter?.ToString().ToUpperInvariant() ?? "all";
        var search = diagnostics.Search is { } s ? "  search /" + (diagnostics.Editing == InputField.TraceSearch ? InputText.WithCaret(s) : s.Text) : "";
        lines.Add(($"── trace ({diagnostics.Trace.Count:N0} lines, {where}, protocol {filter}){search} ", theme.Dim));
        var rows = Rows(Window(diagnostics, traceRows - 1), lines.Width - 5, traceRows - 1);
        if (rows.Count == 0) lines.Add(diagnostics.Running ? "  connecting..." : "  Enter runs the login for the chosen protocols; f walks the whole chain (preflight).", theme.Dim);
        foreach (var (protocol, text, style) in rows) lines.Add(($"{protocol,-4} ", theme.Dim), (text, LineStyle(style, theme)));
        for (var used = Math.Max(1, rows.Count); used < traceRows - 1 && lines.Remaining > results.Count; used++) lines.Blank();
        foreach (var (text, style) in results.Take(lines.Remaining)) lines.Add(text, style);
        return "5 Diagnostics";
    }

    /// <summary>
    /// Trace lines cut into rows of <paramref name="width"/> (a long line continues on the next rows,
    /// so nothing an admin needs is cut off), keeping the newest <paramref name="rows"/> rows.
    /// </summary>
    private static List<(string Protocol, string Text, string Whole)> Rows(List<TraceLine> lines, int width, int rows)
    {
        width = Math.Max(10, width);
        var result = new List<(string, string, string)>();
        foreach (var line in lines)
        {
            var text = line.Text;
            for (var start = 0; start < text.Length || start == 0; start += width)
            {
                result.Add((start == 0 ? line.Protocol : "", text.Substring(start, Math.Min(width, text.Length - start)), text));
                if (text.Length == 0) break;
            }
        }
        return result.Skip(Math.Max(0, result.Count - rows)).ToList();
    }

    private static string AuthName(DiagnosticsModel diagnostics) => diagnostics.Auth switch
    {
        MailSetup.Core.Identity.MailTokens.MailTokenFlow.Device => "device code (delegated)",
        MailSetup.Core.Identity.MailTokens.MailTokenFlow.Ropc => "password / ROPC (delegated; not recommended)",
        _ => "client secret (app-only)",
    };

    private static string Protocol(DiagnosticsModel diagnostics, MailProtocol protocol, string key) =>
        $"[{(diagnostics.Protocols.Contains(protocol) ? "x" : " ")}] {protocol.ToString().ToUpperInvariant()} ({key})  ";

    /// <summary>The trace lines to show: the newest ones (or those before the scroll-back point) that pass the protocol filter and the search.</summary>
    private static List<TraceLine> Window(DiagnosticsModel diagnostics, int rows)
    {
        var trace = diagnostics.Trace;
        var filter = diagnostics.ProtocolFilter?.ToString().ToLowerInvariant();
        var search = diagnostics.Search?.Text;
        var picked = new List<TraceLine>(rows);
        var skip = diagnostics.ScrollBack;
        // Filter and search read the ring in place; only the rows picked become strings.
        for (var i = trace.Count - 1; i >= 0 && picked.Count < rows; i--)
        {
            if (filter is not null && trace.ProtocolAt(i) != filter) continue;
            if (!string.IsNullOrEmpty(search) && !trace.TextAt(i).Contains(search, StringComparison.OrdinalIgnoreCase)) continue;
            if (skip-- > 0) continue;
            picked.Add(trace[i]);
        }
        picked.Reverse();
        return picked;
    }

    private static Spectre.Console.Style LineStyle(string text, TuiTheme theme) =>
        text.StartsWith("C: ", StringComparison.Ordinal) ? theme.Client
        : text.StartsWith("S: ", StringComparison.Ordinal) ? theme.Server
        : text.Contains("failed", StringComparison.OrdinalIgnoreCase) ? theme.Error
        : theme.Info;

    private static List<(string, Spectre.Console.Style)> Results(TuiState state, TuiTheme theme, int width)
    {
        var diagnostics = state.Diagnostics;
        var results = new List<(string, Spectre.Console.Style)>();
        if (diagnostics.Preflight is { Count: > 0 } links)
        {
            results.Add(("── preflight", theme.Dim));
            foreach (var link in links)
            {
                results.Add(($"{Mark(link.Status, theme.Ascii)} {link.Title}: {link.Evidence}", link.Status switch
                {
                    PreflightStatus.Passed => theme.Ok,
                    PreflightStatus.Warning => theme.Warning,
                    PreflightStatus.Failed => theme.Error,
                    _ => theme.Dim,
                }));
                if (link.Status is PreflightStatus.Failed or PreflightStatus.Warning && link.Fix is { } fix) results.Add(("   fix: " + fix, theme.Normal));
            }
        }
        foreach (var verdict in diagnostics.Verdicts ?? [])
        {
            var name = verdict.Protocol.ToString().ToLowerInvariant();
            results.Add((verdict.Succeeded ? $"{name}: login works ({verdict.FinalAnswer})" : $"{name}: login FAILED ({verdict.FinalAnswer})", verdict.Succeeded ? theme.Ok : theme.Error));
            foreach (var finding in verdict.Findings.Take(3))
            {
                results.Add(($"  [{finding.Severity.ToString().ToLowerInvariant()}] {finding.Cause}", finding.Severity == FindingSeverity.Error ? theme.Warning : theme.Normal));
                results.Add(("    fix: " + finding.Fix, theme.Normal));
            }
        }
        return results;
    }

    private static string Mark(PreflightStatus status, bool ascii) => status switch
    {
        PreflightStatus.Passed => ascii ? "[ok]" : "✓",
        PreflightStatus.Warning => ascii ? "[!!]" : "!",
        PreflightStatus.Failed => ascii ? "[XX]" : "✗",
        _ => ascii ? "[--]" : "·",
    };
}
