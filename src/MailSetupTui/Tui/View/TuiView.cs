using MailSetupTui.Tui.App;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.View;

/// <summary>
/// The whole screen as a function of the state: tabs on top (the panes are tabs at every size, so
/// 80x24 loses nothing), the focused pane or an open dialog in a bordered box, a status line and
/// the key bar for what the keys do right here. The trace's lines are not in the state: the loop
/// passes its ring alongside, read-only.
/// </summary>
public static class TuiView
{
    /// <summary>The screen with no trace lines (for screens and tests that have none).</summary>
    public static IRenderable Render(TuiState state, TuiTheme theme) => Render(state, NoTrace.Instance, theme);

    public static IRenderable Render(TuiState state, IReadOnlyTraceRing trace, TuiTheme theme)
    {
        if (TuiLayout.TooSmall(state.Width, state.Height))
            return new Paragraph(
                $"mailsetup needs at least {TuiLayout.MinWidth}x{TuiLayout.MinHeight}; this terminal is {state.Width}x{state.Height}. Enlarge it, " +
                "or press q to quit.");

        var inner = state.Width - 4;
        var lines = new ViewLines(inner, TuiLayout.BodyRows(state.Height));
        var title = state.Overlay switch
        {
            HelpOverlay help => HelpView.Render(help, lines, theme),
            PlanReviewOverlay review => PlanReviewView.Render(review, lines, theme),
            ApplyOverlay apply => ApplyView.Render(apply, lines, theme),
            ConfirmQuitOverlay quit => ConfirmQuit(quit, lines, theme),
            _ => Pane(state, trace, lines, theme),
        };
        var body = new Panel(lines.Build())
        {
            Header = new PanelHeader($" {title} "),
            Border = theme.Border,
            Expand = true,
            Padding = new Padding(1, 0, 1, 0),
        };
        return new Rows(Tabs(state, theme), body, StatusLine(state, theme), KeyBar.Render(state, theme));
    }

    private static string Pane(TuiState state, IReadOnlyTraceRing trace, ViewLines lines, TuiTheme theme) => state.Focus switch
    {
        App.Pane.Tenant => TenantView.Render(state.Tenant, lines, theme),
        App.Pane.App => AppView.Render(state.App, lines, theme, state.Now),
        App.Pane.Permissions => PermissionsView.Render(state.Permissions, lines, theme),
        App.Pane.Mailboxes => MailboxesView.Render(state.Mailboxes, lines, theme),
        _ => DiagnosticsView.Render(state, trace, lines, theme),
    };

    private static IRenderable Tabs(TuiState state, TuiTheme theme)
    {
        var tabs = new ViewLines(state.Width, 1);
        var spans = new List<(string, Style)>();
        foreach (var pane in Enum.GetValues<App.Pane>())
        {
            var name = state.Width < 90 ? ShortName(pane) : pane.ToString();
            spans.Add(($" {(int)pane} {name} ", pane == state.Focus && state.Overlay is null ? theme.Focus : theme.Normal));
            spans.Add((theme.Separator, theme.Dim));
        }
        spans.Add(
            (state.Tenant.Sandbox ? " sandbox" : " " + (state.Tenant.Domain ?? state.Tenant.TenantId ?? "tenant"),
                state.Tenant.Sandbox ? theme.Warning : theme.Title));
        return tabs.Add([.. spans]).Build();
    }

    private static string ShortName(App.Pane pane) => pane switch
    {
        App.Pane.Permissions => "Perms",
        App.Pane.Mailboxes => "Mailbox",
        App.Pane.Diagnostics => "Diag",
        _ => pane.ToString(),
    };

    private static IRenderable StatusLine(TuiState state, TuiTheme theme)
    {
        var status = state.Status ?? (state.Diagnostics.Running ? state.Diagnostics.Status : null) ?? "";
        var style =
            status.StartsWith("cannot", StringComparison.Ordinal) || status.Contains("failed", StringComparison.Ordinal) ? theme.Error : theme.Dim;
        return new ViewLines(state.Width, 1).Add(" " + status, style).Build();
    }

    private static string ConfirmQuit(ConfirmQuitOverlay quit, ViewLines lines, TuiTheme theme)
    {
        lines.Blank();
        if (quit.Running is { Length: > 0 } running) lines.Add($"  {char.ToUpperInvariant(running[0])}{running[1..]}.", theme.Warning);
        if (quit.UnsavedSecret is { } secret)
            lines.Add($"  The new client secret '{secret}' is not saved: quitting loses it, and it is never shown again.", theme.Warning)
                .Add("  (n, then s on the App pane saves it to a file.)", theme.Dim);
        lines.Blank().Add(
            quit.Running is null
                ? "  Quit anyway? y quits and loses the secret; n, Enter or Esc stays."
                : "  Quit anyway? y quits (the work is cancelled; an apply can be resumed); n, Enter or Esc stays.", theme.Normal);
        return "Quit?";
    }

    /// <summary>A ring that never held a line.</summary>
    private sealed class NoTrace : IReadOnlyTraceRing
    {
        public static readonly NoTrace Instance = new();

        public long Oldest => 0;
        public long Version => 0;
        public TraceLine Line(long number) => throw new ArgumentOutOfRangeException(nameof(number));
        public TraceOrigin OriginAt(long number) => throw new ArgumentOutOfRangeException(nameof(number));
        public bool Contains(long number, string search) => throw new ArgumentOutOfRangeException(nameof(number));
    }
}
