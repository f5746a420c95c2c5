namespace MailSetupTui.Tui.App;

/// <summary>
/// The one place state changes: (state, message) in, (next state, effects) out, with no I/O. Keys
/// go to an open overlay first, then to the global bindings, then to the focused pane.
/// </summary>
public static partial class TuiUpdate
{
    public static (TuiState State, IReadOnlyList<Effect> Effects) Update(TuiState state, Msg msg) => msg switch
    {
        KeyMsg key => Key(state, key.Key),
        ResizeMsg resize => (state with { Width = resize.Width, Height = resize.Height }, []),
        _ => (Work(state, msg), []),
    };

    /// <summary>The effects the UI starts with: sign in, then the directory loads once signed in.</summary>
    public static IReadOnlyList<Effect> Start() => [new SignInEffect()];

    private static (TuiState, IReadOnlyList<Effect>) Stay(TuiState state) => (state, []);

    private static (TuiState, IReadOnlyList<Effect>) Do(TuiState state, params Effect[] effects) => (state, effects);
}
