using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Terminal;
using MailSetupTui.Tui.View;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// State (and the trace ring beside it) to frame, as the loop draws it: the view rendered by Spectre into one reused cell buffer.
/// Reused because at 120x40 a buffer is over 85 KB: a new one per frame would go to the large
/// object heap, which only a full collection empties, and 30 frames a second grew the process by
/// megabytes a second until one. The returned buffer is overwritten by the next call
/// (<see cref="FrameWriter.Present"/> keeps its own copy).
/// </summary>
public sealed class TuiFrameComposer(TerminalOptions terminal)
{
    private readonly SpectreFrameRenderer _renderer = new();
    private readonly TuiTheme _theme = new(terminal.Ascii);
    private ScreenBuffer? _frame;

    /// <param name="trace">The loop's trace ring, read-only: the lines the state only counts.</param>
    public ScreenBuffer Compose(TuiState state, IReadOnlyTraceRing trace, int width, int height)
    {
        if (_frame is null || _frame.Width != width || _frame.Height != height) _frame = new ScreenBuffer(width, height);
        _renderer.RenderInto(TuiView.Render(state with { Width = width, Height = height }, trace, _theme), _frame, terminal);
        return _frame;
    }
}
