using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

/// <summary>
/// Keys for the text input that has them: one <see cref="TextInput.Update"/> edits, and only what
/// Enter and Esc mean differs from input to input.
/// </summary>
public static partial class TuiUpdate
{
    private static (TuiState, IReadOnlyList<Effect>) InputKey(TuiState state, InputField field, KeyPress key)
    {
        var (input, outcome) = Read(state, field).Update(key);
        return outcome switch
        {
            TextInputOutcome.Submitted => Submit(state, field, input),
            TextInputOutcome.Cancelled => Cancel(state, field),
            _ => Stay(Write(state, field, input)),
        };
    }

    private static TextInput Read(TuiState state, InputField field) => field switch
    {
        InputField.AppName => state.App.Name,
        InputField.AppFilter => state.App.Filter ?? new TextInput(),
        InputField.SecretPath => state.App.SavePath ?? new TextInput(maxLength: 400),
        InputField.MailboxFilter => state.Mailboxes.Filter,
        InputField.ScopeGroup => state.Mailboxes.ScopeGroup ?? new TextInput(),
        InputField.TraceSearch => state.Diagnostics.Search ?? new TextInput(),
        InputField.User => state.Diagnostics.User ?? new TextInput(),
        InputField.Password => state.Diagnostics.Password ?? new TextInput(masked: true),
        _ => state.Overlay is PlanReviewOverlay { Export: { } export } ? export.Path : new TextInput(),
    };

    private static TuiState Write(TuiState state, InputField field, TextInput input) => field switch
    {
        InputField.AppName => state with { App = state.App with { Name = input } },
        // The list under the filter changes with every key: start again from its top.
        InputField.AppFilter => state with { App = state.App with { Filter = input, Cursor = 0 } },
        InputField.SecretPath => state with { App = state.App with { SavePath = input } },
        InputField.MailboxFilter => state with { Mailboxes = state.Mailboxes.WithFilter(input) },
        InputField.ScopeGroup => state with { Mailboxes = state.Mailboxes with { ScopeGroup = input } },
        InputField.TraceSearch => state with { Diagnostics = state.Diagnostics with { Search = input } },
        InputField.User => state with { Diagnostics = state.Diagnostics with { User = input } },
        InputField.Password => state with { Diagnostics = state.Diagnostics with { Password = input } },
        _ => state.Overlay is PlanReviewOverlay { Export: { } export } review
            ? state with { Overlay = review with { Export = export with { Path = input } } }
            : state,
    };

    /// <summary>Enter: the filters and names just stop taking keys; the file names save or export, and the password runs the login.</summary>
    private static (TuiState, IReadOnlyList<Effect>) Submit(TuiState state, InputField field, TextInput input)
    {
        var path = input.Text.Trim();
        switch (field)
        {
            case InputField.SecretPath when path.Length > 0 && state.App.NewSecret is { } secret:
                return Do(state with { App = state.App with { Editing = null, SavePath = null, Notice = "saving..." } },
                    new SaveSecretEffect(secret, path));
            case InputField.ExportPath when path.Length > 0 && state.Overlay is PlanReviewOverlay { Export: { } export } review:
                return Do(state with { Overlay = review with { Export = null, Notice = "exporting..." } },
                    new ExportPlanEffect(review.Plan, export.Format, path));
            case InputField.SecretPath or InputField.ExportPath:
                return Stay(state); // nothing to save to yet: the prompt stays open
            case InputField.Password:
                return StartDiagnostics(state, state.Diagnostics with { Editing = null }, preflight: false);
            default:
                return Stay(Done(state, field));
        }
    }

    /// <summary>Esc: a filter, search or password is dropped; a name or address is kept as typed; a prompt closes.</summary>
    private static (TuiState, IReadOnlyList<Effect>) Cancel(TuiState state, InputField field) => Stay(field switch
    {
        InputField.AppFilter => state with { App = state.App with { Editing = null, Filter = null, Cursor = 0 } },
        InputField.SecretPath => state with { App = state.App with { Editing = null, SavePath = null } },
        InputField.MailboxFilter => state with { Mailboxes = state.Mailboxes.WithFilter(new TextInput()) with { Editing = null } },
        InputField.TraceSearch => state with { Diagnostics = state.Diagnostics with { Editing = null, Search = null } },
        InputField.Password => state with { Diagnostics = state.Diagnostics with { Editing = null, Password = null } },
        InputField.ExportPath => state.Overlay is PlanReviewOverlay review ? state with { Overlay = review with { Export = null } } : state,
        _ => Done(state, field),
    });

    /// <summary>The input stops taking keys and keeps its text.</summary>
    private static TuiState Done(TuiState state, InputField field) => field switch
    {
        InputField.AppName or InputField.AppFilter => state with { App = state.App with { Editing = null } },
        InputField.MailboxFilter or InputField.ScopeGroup => state with { Mailboxes = state.Mailboxes with { Editing = null } },
        _ => state with { Diagnostics = state.Diagnostics with { Editing = null } },
    };
}
