using MailSetupTui.Tui.App.Keys;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

public static partial class TuiUpdate
{
    private static (TuiState, IReadOnlyList<Effect>) Key(TuiState state, KeyPress key)
    {
        var action = KeyMap.ActionOf(state, key);
        // Ctrl+C always means "quit", even while typing or in a dialog: a person in a hurry must get out.
        if (action == KeyAction.Quit) return AskQuit(state);
        if (state.Overlay is { } overlay) return OverlayKey(state, overlay, action, key);
        if (action == KeyAction.Help) return Stay(state with { Overlay = new HelpOverlay() });
        if (state.ActiveInput is { } field) return InputKey(state, field, key);

        switch (action)
        {
            case KeyAction.NextPane:
                return Stay(state with { Focus = Next(state.Focus, +1) });
            case KeyAction.PreviousPane:
                return Stay(state with { Focus = Next(state.Focus, -1) });
            case KeyAction.JumpToPane:
                return Stay(state with { Focus = (Pane)(key.Char - '0') });
            case KeyAction.Plan:
                return ReviewPlan(state);
            case KeyAction.Back when state.Diagnostics.Running:
                return Do(state with { Diagnostics = state.Diagnostics with { Status = "cancelling..." } }, new CancelWorkEffect());
        }
        return PaneKey(state, action, key);
    }

    private static Pane Next(Pane pane, int step) => (Pane)(((int)pane - 1 + step + 5) % 5 + 1);

    /// <summary>Quits at once unless work runs or a new secret is shown and not saved: then asks, naming what would be lost.</summary>
    private static (TuiState, IReadOnlyList<Effect>) AskQuit(TuiState state) =>
        state.RunningWork is not null || state.App.NewSecret is not null
            ? Stay(state with { Overlay = new ConfirmQuitOverlay(state.RunningWork,
                state.App.NewSecret is null ? null : state.App.NewSecretName is { Length: > 0 } name ? name : "the new client secret") })
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

    private static (TuiState, IReadOnlyList<Effect>) OverlayKey(TuiState state, Overlay overlay, KeyAction? action, KeyPress key) => overlay switch
    {
        HelpOverlay help => HelpKey(state, help, action),
        ConfirmQuitOverlay => action switch
        {
            KeyAction.QuitYes => Do(state with { Quit = true, Overlay = null }, new CancelWorkEffect(), new QuitEffect()),
            KeyAction.QuitNo or KeyAction.Back => Stay(state with { Overlay = null }),
            _ => Stay(state),
        },
        PlanReviewOverlay review => PlanReviewKey(state, review, action, key),
        ApplyOverlay { Finished: true, Taken: { } taken } when action == KeyAction.AdoptListed && key.Char - '1' < taken.Count =>
            ReviewPlan(state with
            {
                Overlay = null,
                Focus = Pane.App,
                App = state.App with { AdoptedAppId = taken[key.Char - '1'].AppId, Editing = null },
            }),
        ApplyOverlay { Finished: true, Taken: not null } when action is KeyAction.Close or KeyAction.Back =>
            Stay(state with { Overlay = null, Focus = Pane.App, Status = "the name is taken: choose another name, or adopt an app" }),
        ApplyOverlay apply => apply.Finished && action is KeyAction.Close or KeyAction.Back
            ? Stay(state with { Overlay = null, Focus = state.App.NewSecret is null ? Pane.Diagnostics : Pane.App })
            : Stay(state),
        _ => Stay(state),
    };

    private static (TuiState, IReadOnlyList<Effect>) HelpKey(TuiState state, HelpOverlay help, KeyAction? action)
    {
        if (action is KeyAction.Back or KeyAction.Help or KeyAction.Close) return Stay(state with { Overlay = null });
        // The view wraps long lines, so the exact row count depends on the width; every binding takes at most two rows at 80 columns.
        var rows = 2 * KeyMap.HelpScreen.Count + 2;
        var scroll = Scroll(help.Scroll, action, TuiLayout.BodyRows(state.Height) - 1, Math.Max(0, rows - (TuiLayout.BodyRows(state.Height) - 1)));
        return Stay(state with { Overlay = help with { Scroll = scroll } });
    }

    private static (TuiState, IReadOnlyList<Effect>) PlanReviewKey(TuiState state, PlanReviewOverlay review, KeyAction? action, KeyPress key)
    {
        if (review.Export is { } export)
        {
            if (action == KeyAction.ExportFormat)
                return Stay(
                    state with { Overlay =
                        review with { Export = export with { FormatIndex = (export.FormatIndex + 1) % PlanExport.Formats.Count } } });
            return InputKey(state, InputField.ExportPath, key);
        }

        switch (action)
        {
            case KeyAction.Back or KeyAction.Close:
                return Stay(state with { Overlay = null, Status = "plan closed; nothing was changed" });
            case KeyAction.Apply:
                return Do(state with { Overlay = new ApplyOverlay(review.Plan.Steps.Count) }, new ApplyEffect(review.Plan));
            case KeyAction.Export:
                return Stay(
                    state with { Overlay = review with { Export = new PlanExport(0, new TextInput("mailsetup-plan.txt", 400)), Notice = null } });
        }
        var rows = TuiLayout.BodyRows(state.Height) - 1;
        return Stay(state with { Overlay = review with { Scroll = Scroll(review.Scroll, action, rows, Math.Max(0, review.Lines.Count - rows)) } });
    }

    /// <summary>
    /// The scroll position after a movement: up/down by one, a page, or to the ends. Any other key
    /// leaves it where it is, clamped again (the list or the screen may have shrunk since).
    /// </summary>
    internal static int Scroll(int position, KeyAction? action, int page, int max) => Math.Clamp(action switch
    {
        KeyAction.Up => position - 1,
        KeyAction.Down => position + 1,
        KeyAction.PageUp => position - page,
        KeyAction.PageDown => position + page,
        KeyAction.Top => 0,
        KeyAction.Bottom => max,
        _ => position,
    }, 0, Math.Max(0, max));
}
