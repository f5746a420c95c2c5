using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Preflight;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

/// <summary>
/// The Diagnostics pane: the protocol picker, the live trace (newest at the bottom while following),
/// and below it each login's verdict with its findings, or the preflight checklist. The trace's lines
/// come from the loop's ring, read-only; the state says which of them belong to the pane.
/// </summary>
public static class DiagnosticsView
{
    public static string Render(TuiState state, IReadOnlyTraceRing trace, ViewLines lines, TuiTheme theme)
    {
        var diagnostics = state.Diagnostics;
        var mailbox =
            state.Mailboxes.Selected.Order(StringComparer.OrdinalIgnoreCase).FirstOrDefault() ?? state.Mailboxes.Current?.Address
                ?? "(pick one in 4)";
        lines.Add((Protocol(diagnostics, MailProtocol.Imap, "i"), theme.Normal), (Protocol(diagnostics, MailProtocol.Pop, "o"), theme.Normal),
            (Protocol(diagnostics, MailProtocol.Smtp, "s"), theme.Normal),
            ("  mailbox ", theme.Dim), (mailbox, theme.Title), ("  app ", theme.Dim), (state.App.AdoptedAppId ?? "newest mail app", theme.Normal));

        lines.Add(("auth ", theme.Dim), (AuthName(diagnostics), diagnostics.Delegated ? theme.Selected : theme.Normal), (" (a)", theme.Dim),
            diagnostics.Delegated ? ("   signs in: ", theme.Dim) : ("", theme.Dim),
            diagnostics.Delegated
                ? (diagnostics.Editing == InputField.User
                    ? InputText.WithCaret(diagnostics.User ?? new TextInput())
                    : diagnostics.User?.Text is { Length: > 0 } u ? u : "the mailbox",
                    diagnostics.Editing == InputField.User ? theme.Focus : theme.Normal)
                : ("", theme.Dim),
            diagnostics.Delegated ? (" (u)", theme.Dim) : ("", theme.Dim));
        if (diagnostics.Editing == InputField.Password)
            lines.Add(("password: ", theme.Title), (InputText.WithCaret(diagnostics.Password ?? new TextInput(masked: true)), theme.Focus),
                ("  (Enter runs, Esc cancels; not kept after this run; the password flow cannot do MFA and is not recommended)", theme.Dim));
        var results = Results(state, theme, lines.Width);
        var traceRows = Math.Max(3, lines.Remaining - 1 - Math.Min(results.Count, (lines.Remaining - 1) / 2));
        var where = diagnostics.Follow ? "following" : $"scrolled back {diagnostics.ScrollBack} (End follows)";
        var filter = diagnostics.ProtocolFilter?.ToString().ToUpperInvariant() ?? "all";
        var search =
            diagnostics.Search is { } s ? "  search /" + (diagnostics.Editing == InputField.TraceSearch ? InputText.WithCaret(s) : s.Text) : "";
        var (first, end) = Held(diagnostics.Trace, trace);
        lines.Add(($"── trace ({end - first:N0} lines, {where}, protocol {filter}){search} ", theme.Dim));
        var rows = Rows(Window(diagnostics, trace, first, end, traceRows - 1), lines.Width - 5, traceRows - 1);
        if (rows.Count == 0) lines.Add(
            diagnostics.Running ? "  connecting..." : "  Enter runs the login for the chosen protocols; f walks the whole chain (preflight).",
            theme.Dim);
        foreach (var (origin, text, line) in rows) lines.Add(($"{origin,-4} ", theme.Dim), (text, LineStyle(line, theme)));
        for (var used = Math.Max(1, rows.Count); used < traceRows - 1 && lines.Remaining > results.Count; used++) lines.Blank();
        foreach (var (text, style) in results.Take(lines.Remaining)) lines.Add(text, style);
        return "5 Diagnostics";
    }

    /// <summary>
    /// Trace lines cut into rows of <paramref name="width"/> (a long line continues on the next rows,
    /// so nothing an admin needs is cut off), keeping the newest <paramref name="rows"/> rows.
    /// </summary>
    private static List<(string Origin, string Text, TraceLine Line)> Rows(List<TraceLine> lines, int width, int rows)
    {
        width = Math.Max(10, width);
        var result = new List<(string, string, TraceLine)>();
        foreach (var line in lines)
        {
            var text = line.Shown;
            for (var start = 0; start < text.Length || start == 0; start += width)
            {
                result.Add((start == 0 ? TraceLine.Name(line.Origin) : "", text.Substring(start, Math.Min(width, text.Length - start)), line));
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

    /// <summary>The numbers of the lines the pane shows, [first, end): this run's lines that the ring still holds.</summary>
    private static (long First, long End) Held(TraceWindow window, IReadOnlyTraceRing trace)
    {
        var first = Math.Max(window.First, trace.Oldest);
        return (first, Math.Max(first, Math.Min(window.Version, trace.Version)));
    }

    /// <summary>The trace lines to show: the newest ones (or those before the scroll-back point) that pass the protocol filter and the
    /// search.</summary>
    private static List<TraceLine> Window(DiagnosticsModel diagnostics, IReadOnlyTraceRing trace, long first, long end, int rows)
    {
        var filter = diagnostics.ProtocolFilter is { } protocol ? TraceLine.Of(protocol) : (TraceOrigin?)null;
        var search = diagnostics.Search?.Text;
        var picked = new List<TraceLine>(rows);
        var skip = diagnostics.ScrollBack;
        // Filter and search read the ring in place; only the rows picked become strings.
        for (var number = end - 1; number >= first && picked.Count < rows; number--)
        {
            if (filter is not null && trace.OriginAt(number) != filter) continue;
            if (!string.IsNullOrEmpty(search) && !trace.Contains(number, search)) continue;
            if (skip-- > 0) continue;
            picked.Add(trace.Line(number));
        }
        picked.Reverse();
        return picked;
    }

    /// <summary>By who said it: what we sent, what the server answered, and our notes (a failure among them in red).</summary>
    private static Spectre.Console.Style LineStyle(TraceLine line, TuiTheme theme) => line.Direction switch
    {
        TraceDirection.Client => theme.Client,
        TraceDirection.Server => theme.Server,
        _ when line.Text.Contains("failed", StringComparison.OrdinalIgnoreCase) => theme.Error,
        _ => theme.Info,
    };

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
                if (link.Status is PreflightStatus.Failed or PreflightStatus.Warning
                    && link.Fix is { } fix) results.Add(("   fix: " + fix, theme.Normal));
            }
        }
        foreach (var verdict in diagnostics.Verdicts ?? [])
        {
            var name = verdict.Protocol.ToString().ToLowerInvariant();
            results.Add(
                (verdict.Succeeded ? $"{name}: login works ({verdict.FinalAnswer})" : $"{name}: login FAILED ({verdict.FinalAnswer})",
                    verdict.Succeeded ? theme.Ok : theme.Error));
            foreach (var finding in verdict.Findings.Take(3))
            {
                results.Add(
                    ($"  [{finding.Severity.ToString().ToLowerInvariant()}] {finding.Cause}",
                        finding.Severity == FindingSeverity.Error ? theme.Warning : theme.Normal));
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
