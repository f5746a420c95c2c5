using MailSetupTui.Tui.App;
using MailSetupTui.Tui.App.Keys;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.View;

/// <summary>The bottom line: the keys that do something here (<see cref="KeyMap.Bar"/>), most useful first, cut to the width.</summary>
public static class KeyBar
{
    /// <summary>No key does anything while a plan is applied: the bar says why instead.</summary>
    private static readonly KeyHint Applying = new("", "applying…");

    public static IReadOnlyList<KeyHint> For(TuiState state) =>
        state.Overlay is ApplyOverlay { Finished: false } ? [Applying] : KeyMap.Bar(state);

    public static IRenderable Render(TuiState state, TuiTheme theme)
    {
        var items = For(state).ToList();
        var always = state.Overlay is null && !state.Typing ? KeyMap.Pinned : [];
        var room = state.Width - always.Sum(Width);
        var shown = new List<KeyHint>();
        foreach (var item in items)
        {
            if (Width(item) > room) break;
            shown.Add(item);
            room -= Width(item);
        }
        var spans = new List<(string, Style)>();
        foreach (var (key, action) in shown.Concat(always))
        {
            if (key.Length > 0) spans.Add(($" {key} ", theme.Key));
            spans.Add(($" {action} ", theme.Normal));
        }
        return new ViewLines(state.Width, 1).Add([.. spans]).Build();
    }

    private static int Width(KeyHint item) => (item.Keys.Length > 0 ? item.Keys.Length + 2 : 0) + item.Action.Length + 2;
}
