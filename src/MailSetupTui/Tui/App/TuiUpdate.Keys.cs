using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

public static partial class TuiUpdate
{
    private static (TuiState, IReadOnlyList<Effect>) Key(TuiState state, KeyPress key)
    {
        // Ctrl+C always means "quit", even while typing: a person in a hurry must get out.
        if (key is { Ctrl: true, Char: 'c' }) return AskQuit(state);
        if (state.Overlay is { } overlay) return OverlayKey(state, overlay, key);
        if (key.Name == KeyName.F1) return Stay(state with { Overlay = new HelpOverlay() });
        if (state.Typing) return PaneKey(state, key);

        switch (key)
        {
            case { Name: KeyName.F10 }:
            case { Name: KeyName.Char, Char: 'q' }:
                return AskQuit(state);
            case { Name: KeyName.Char, Char: '?' }:
                return Stay(state with { Overlay = new HelpOverlay() });
            case { Name: KeyName.Tab }:
                return Stay(state with { Focus = Next(state.Focus, +1) });
            case { Name: KeyName.BackTab }:
                return Stay(state with { Focus = Next(state.Focus, -1) });
            case { Name: KeyName.Char, Char: >= '1' and <= '5' }:
                return Stay(state with { Focus = (Pane)(key.Char - '0') });
            case { Name: KeyName.Char, Char: 'p' }:
                return ReviewPlan(state);
            case { Name: KeyName.Escape } when state.Diagnostics.Running:
                return Do(state with { Diagnostics = state.Diagnostics with { Status = "cancelling..." } }, new CancelWorkEffect());
        }
        return PaneKey(state, key);
    }

    private static Pane Next(Pane pane, int step) => (Pane)(((int)pane - 1 + step + 5) % 5 + 1);

    private static (TuiState, IReadOnlyList<Effect>) AskQuit(TuiState state) =>
        state.RunningWork is { } running
            ? Stay(state with { Overlay = new ConfirmQuitOverlay(running) })
            : Do(state with { Quit = true }, new QuitEffect());

    /// <summary>Every change goes through the plan review: build the plan from the panes' choices.</summary>
    private static (TuiState, IReadOnlyList<Effect>) ReviewPlan(TuiState state)
    {
        var input = new MailSetup.Core.Plans.SetupRequestInput
        {
            Presets = string.Join(',', state.Permissions.Presets.Select(p => p.Name).Where(state.Permissions.Selected.Contains)),
            AppName = state.App.AdoptedAppId is null ? state.App.Name.Text : null,
            AppId = state.App.AdoptedAppId,
            Mailboxes = state.Mailboxes.Selected.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            SendAs = state.Mailboxes.SendAs,
            Scope = state.Mailboxes.Scope,
            ScopeGroup = state.Mailboxes.Scope is null ? null : state.Mailboxes.ScopeGroup?.Text.Trim() is { Length: > 0 } group ? group : null,
            Cloud = state.Tenant.Cloud.Key,
        };
        return Do(state with { Status = "building the plan..." }, new BuildPlanEffect(input));
    }

    private static (TuiState, IReadOnlyList<Effect>) OverlayKey(TuiState state, Overlay overlay, KeyPress key) => overlay switch
    {
        HelpOverlay help => HelpKey(state, help, key),
        ConfirmQuitOverlay => key.IsChar('y')
            ? Do(state with { Quit = true, Overlay = null }, new CancelWorkEffect(), new QuitEffect())
            : key.IsChar('n') || key.Name == KeyName.Escape ? Stay(state with { Overlay = null }) : Stay(state),
        PlanReviewOverlay review => PlanReviewKey(state, review, key),
        ApplyOverlay apply => apply.Finished && key.Name is KeyName.Enter or KeyName.Escape
            ? Stay(state with { Overlay = null, Focus = state.App.NewSecret is null ? Pane.Diagnostics : Pane.App })
            : Stay(state),
        _ => Stay(state),
    };

    private static (TuiState, IReadOnlyList<Effect>) HelpKey(TuiState state, HelpOverlay help, KeyPress key)
    {
        if (key.Name is KeyName.Escape or KeyName.F1 || key.IsChar('q') || key.IsChar('?')) return Stay(state with { Overlay = null });
        // The view wraps long lines, so the exact row count depends on the width; every binding takes at most two rows at 80 columns.
        var rows = 2 * View.HelpView.Bindings.Count + 2;
        var scroll = Scroll(help.Scroll, key, TuiLayout.BodyRows(state.Height) - 1, Math.Max(0, rows - (TuiLayout.BodyRows(state.Height) - 1)));
        return Stay(state with { Overlay = help with { Scroll = scroll } });
    }

    private static (TuiState, IReadOnlyList<Effect>) PlanReviewKey(TuiState state, PlanReviewOverlay review, KeyPress key)
    {
        if (review.Export is { } export)
        {
            if (key.Name == KeyName.Escape) return Stay(state with { Overlay = review with { Export = null } });
            if (key.Name == KeyName.Tab)
                return Stay(state with { Overlay = review with { Export = export with { FormatIndex = (export.FormatIndex + 1) % PlanExport.Formats.Count } } });
            if (key.Name == KeyName.Enter && export.Path.Text.Trim().Length > 0)
                return Do(state with { Overlay = review with { Export = null, Notice = "exporting..." } }, new ExportPlanEffect(review.Plan, export.Format, export.Path.Text.Trim()));
            return export.Path.Edit(key) is { } path ? Stay(state with { Overlay = review with { Export = export with { Path = path } } }) : Stay(state);
        }

        if (key.Name == KeyName.Escape || key.IsChar('q')) return Stay(state with { Overlay = null, Status = "plan closed; nothing was changed" });
        if (key.IsChar('a'))
            return Do(state with { Overlay = new ApplyOverlay(review.Plan.Steps.Count) }, new ApplyEffect(review.Plan));
        if (key.IsChar('e'))
            return Stay(state with { Overlay = review with { Export = new PlanExport(0, new TextField("mailsetup-plan.txt", 400)), Notice = null } });
        var rows = TuiLayout.BodyRows(state.Height) - 1;
        return Stay(state with { Overlay = review with { Scroll = Scroll(review.Scroll, key, rows, Math.Max(0, review.Lines.Count - rows)) } });
    }

    /// <summary>The scroll position after a movement key: arrows and j/k by one, PgUp/PgDn by a page, Home/End to the ends.</summary>
    internal static int Scroll(int position, KeyPress key, int page, int max) => Math.Clamp(key switch
    {
        { Name: KeyName.Up } or { Name: KeyName.Char, Char: 'k' } => position - 1,
        { Name: KeyName.Down } or { Name: KeyName.Char, Char: 'j' } => position + 1,
        { Name: KeyName.PageUp } => position - page,
        { Name: KeyName.PageDown } => position + page,
        { Name: KeyName.Home } => 0,
        { Name: KeyName.End } => max,
        _ => position,
    }, 0, Math.Max(0, max));
}
