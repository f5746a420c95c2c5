using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// Turns a Spectre renderable into a frame of exactly width x height cells: what overflows is
/// clipped, the rest stays blank. Spectre only produces segments here; it never writes to the
/// terminal (its Live display resends whole frames and garbles on shrink).
/// Not thread-safe: one per UI loop (it caches style conversions).
/// </summary>
public sealed class SpectreFrameRenderer
{
    private readonly Dictionary<Style, CellStyle> _styles = [];
    private TerminalOptions? _stylesFor;

    public ScreenBuffer Render(IRenderable view, int width, int height, TerminalOptions options)
    {
        var buffer = new ScreenBuffer(width, height);
        RenderInto(view, buffer, options);
        return buffer;
    }

    /// <summary>Renders into an existing buffer (cleared first), so a loop can reuse two buffers.</summary>
    public void RenderInto(IRenderable view, ScreenBuffer target, TerminalOptions options)
    {
        ArgumentNullException.ThrowIfNull(view);
        target.Clear();
        if (target.Width == 0 || target.Height == 0) return;
        if (!ReferenceEquals(_stylesFor, options))
        {
            _styles.Clear();
            _stylesFor = options;
        }

        var renderOptions = new RenderOptions(new SpectreCapabilities(options), new Size(target.Width, target.Height));
        int x = 0, y = 0;
        foreach (var segment in view.Render(renderOptions, target.Width))
        {
            if (segment.IsLineBreak)
            {
                (x, y) = (0, y + 1);
                if (y >= target.Height) break;
                continue;
            }
            if (segment.IsControlCode) continue;

            var style = StyleOf(segment.Style, options.Color);
            foreach (var rune in segment.Text.EnumerateRunes())
            {
                if (rune.Value == '\n')
                {
                    (x, y) = (0, y + 1);
                    if (y >= target.Height) return;
                    continue;
                }
                // A tab left in the text is one space; other control characters (ESC from a hostile
                // server's banner among them) have width 0 and never reach the terminal.
                var drawn = rune.Value == '\t' ? new System.Text.Rune(' ') : options.Ascii ? AsciiFallback.Map(rune) : rune;
                if (x < target.Width) x = target.Put(x, y, drawn, style);
            }
        }
    }

    private CellStyle StyleOf(Style style, bool color)
    {
        if (!_styles.TryGetValue(style, out var cellStyle))
        {
            cellStyle = CellStyle.FromSpectre(style, color);
            _styles[style] = cellStyle;
        }
        return cellStyle;
    }
}
