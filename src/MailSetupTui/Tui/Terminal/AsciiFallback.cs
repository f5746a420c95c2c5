using System.Text;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// --ascii: line and block drawing characters become - | + #. Done per cell, after rendering,
/// because Spectre keeps its square box-drawing borders even without Unicode (they count as
/// "safe"), and so every view gets ASCII borders without choosing them.
/// </summary>
public static class AsciiFallback
{
    public static Rune Map(Rune rune)
    {
        var v = rune.Value;
        if (v < 0x2500 || v > 0x259F) return rune;
        if (v >= 0x2580) return new Rune('#'); // block elements and shades: bars, scroll thumbs
        return v switch
        {
            0x2500 or 0x2501 or 0x2504 or 0x2505 or 0x2508 or 0x2509 or 0x254C or 0x254D
                or 0x2550 or 0x2574 or 0x2576 or 0x2578 or 0x257A or 0x257C or 0x257E => new Rune('-'),
            0x2502 or 0x2503 or 0x2506 or 0x2507 or 0x250A or 0x250B or 0x254E or 0x254F
                or 0x2551 or 0x2575 or 0x2577 or 0x2579 or 0x257B or 0x257D or 0x257F => new Rune('|'),
            _ => new Rune('+'), // corners, tees, crosses
        };
    }
}
