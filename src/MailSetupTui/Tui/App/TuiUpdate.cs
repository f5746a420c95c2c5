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
        ApplyFinishedMsg => AfterApply(Work(state, msg)),
        TraceMsg => throw new ArgumentException("A trace line goes into the loop's ring: use Update(state, msg, trace).", nameof(msg)),
        _ => (Work(state, msg), []),
    };

    /// <summary>
    /// The loop's step: a trace line goes into <paramref name="trace"/> (the state holds no lines) and
    /// the state learns what the ring now holds; every other message goes to <see cref="Update(TuiState, Msg)"/>.
    /// </summary>
    public static (TuiState State, IReadOnlyList<Effect> Effects) Update(TuiState state, Msg msg, TraceRing trace)
    {
        if (msg is not TraceMsg line) return Update(state, msg);
        trace.Add(line.Line);
        return (Traced(state, trace.Oldest, trace.Version), []);
    }

    /// <summary>The trace ring now holds lines <paramref name="oldest"/> to <paramref name="version"/>.</summary>
    public static TuiState Traced(TuiState state, long oldest, long version) =>
        state with { Diagnostics = state.Diagnostics with { Trace = state.Diagnostics.Trace.Took(oldest, version) } };

    /// <summary>The effects the UI starts with: sign in, then the directory loads once signed in.</summary>
    public static IReadOnlyList<Effect> Start() => [new SignInEffect()];

    /// <summary>After the adopted app or the selection changes: read what the app may do there (nothing when no app is adopted).</summary>
    internal static IReadOnlyList<Effect> ReadAppSetup(TuiState state) =>
        state.App.AdoptedAppId is { } appId && state.Tenant.Status == SignInStatus.SignedIn
            ? [new ReadAppSetupEffect(appId, state.Mailboxes.Selected.Order(StringComparer.OrdinalIgnoreCase).Take(20).ToList())]
            : [];

    /// <summary>The apply adopted its app: read what that app may now do.</summary>
    private static (TuiState, IReadOnlyList<Effect>) AfterApply(TuiState applied) => (applied, ReadAppSetup(applied));

    private static (TuiState, IReadOnlyList<Effect>) Stay(TuiState state) => (state, []);

    private static (TuiState, IReadOnlyList<Effect>) Do(TuiState state, params Effect[] effects) => (state, effects);
}
