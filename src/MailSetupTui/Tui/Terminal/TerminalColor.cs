using Spectre.Console;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// A colour as the terminal is told it: the terminal's default, one of the 256 palette entries, or
/// 24-bit. Kept separate from Spectre's <see cref="Color"/> so a cell stays a small value that
/// compares cheaply in the frame diff.
/// </summary>
public readonly record struct TerminalColor
{
    private const byte DefaultKind = 0;
    private const byte IndexedKind = 1;
    private const byte RgbKind = 2;

    private readonly byte _kind;
    private readonly int _value;

    private TerminalColor(byte kind, int value) => (_kind, _value) = (kind, value);

    public static TerminalColor Default => default;

    public static TerminalColor Indexed(byte index) => new(IndexedKind, index);

    public static TerminalColor Rgb(byte r, byte g, byte b) => new(RgbKind, (r << 16) | (g << 8) | b);

    public bool IsDefault => _kind == DefaultKind;

    public bool IsIndexed => _kind == IndexedKind;

    public bool IsRgb => _kind == RgbKind;

    /// <summary>The palette index; meaningful only when <see cref="IsIndexed"/>.</summary>
    public byte Index => (byte)_value;

    public byte R => (byte)(_value >> 16);

    public byte G => (byte)(_value >> 8);

    public byte B => (byte)_value;

    /// <summary>
    /// Spectre's named colours are palette entries but only expose their RGB: the palette is looked
    /// up by RGB so that <c>Color.Red</c> goes out as SGR 31/91 (which the admin's theme controls)
    /// rather than as a fixed 24-bit value.
    /// </summary>
    public static TerminalColor FromSpectre(Color color)
    {
        if (color == Color.Default) return Default;
        return SpectrePalette.TryGetIndex(color.R, color.G, color.B, out var index)
            ? Indexed(index)
            : Rgb(color.R, color.G, color.B);
    }

    public override string ToString() =>
        _kind switch
        {
            IndexedKind => $"#{Index}",
            RgbKind => $"rgb({R},{G},{B})",
            _ => "default",
        };

    /// <summary>RGB to the lowest palette index with that RGB, built once from Spectre's own palette.</summary>
    private static class SpectrePalette
    {
        private static readonly Dictionary<int, byte> ByRgb = Build();

        public static bool TryGetIndex(byte r, byte g, byte b, out byte index) =>
            ByRgb.TryGetValue((r << 16) | (g << 8) | b, out index);

        private static Dictionary<int, byte> Build()
        {
            var map = new Dictionary<int, byte>(256);
            for (var i = 0; i < 256; i++)
            {
                var c = Color.FromInt32(i);
                map.TryAdd((c.R << 16) | (c.G << 8) | c.B, (byte)i);
            }
            return map;
        }
    }
}
