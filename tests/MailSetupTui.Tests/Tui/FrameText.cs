using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tests.Tui;

/// <summary>A view rendered to plain text at a fixed size, for frame snapshots: rows trimmed at the end, exactly <c>height</c> of them.</summary>
public static class FrameText
{
    public static string Render(IRenderable view, int width, int height)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Write(view);
        var rows = writer.ToString().Replace("\r", "").Split('\n').Select(r => r.TrimEnd()).ToList();
        while (rows.Count > height && rows[^1].Length == 0) rows.RemoveAt(rows.Count - 1);
        return string.Join('\n', rows) + "\n";
    }
}
