using System.Threading.Channels;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MailSetupTui.Tui.Terminal;

/// <summary>
/// A diagnostic used only by the tmux tests (MAILSETUP_TERMINAL_SELFTEST=1): the terminal layer
/// end to end in the real binary, before the UI exists. It takes the terminal, draws a bordered
/// frame saying "selftest", the size, the last key and its pid (for kill), and redraws on resize. q exits 0, Ctrl+C exits 130,
/// '!' crashes on another thread (the unhandled-exception restore).
/// </summary>
internal static class TerminalSelfTest
{
    public const string Variable = "MAILSETUP_TERMINAL_SELFTEST";

    public static bool Requested => Environment.GetEnvironmentVariable(Variable) == "1";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = TerminalOptions.FromConsole(args);
        if (options.UnsupportedMessage is { } message)
        {
            await Console.Error.WriteLineAsync(message);
            return 2;
        }

        var events = Channel.CreateUnbounded<TerminalEvent>();
        await using var session = TerminalSession.Start(e => events.Writer.TryWrite(e));
        using var writer = new FrameWriter(session.Output);
        var renderer = new SpectreFrameRenderer();
        var lastKey = "none";
        var (width, height) = (session.Width, session.Height);

        writer.Present(renderer.Render(View(width, height, lastKey), width, height, options));
        await foreach (var e in events.Reader.ReadAllAsync())
        {
            switch (e)
            {
                case KeyEvent { Key: var key } when key.IsChar('q'):
                    return 0;
                case KeyEvent { Key: { Ctrl: true, Char: 'c' } }:
                    return 130;
                case KeyEvent { Key: var key } when key.IsChar('!'):
                    new Thread(() => throw new InvalidOperationException("selftest crash")).Start();
                    break;
                case KeyEvent { Key: var key }:
                    lastKey = key.ToString();
                    break;
                case ResizeEvent resize:
                    (width, height) = (resize.Width, resize.Height);
                    writer.Invalidate();
                    break;
            }
            writer.Present(renderer.Render(View(width, height, lastKey), width, height, options));
        }
        return 0;
    }

    private static IRenderable View(int width, int height, string lastKey) =>
        new Panel(
            new Rows(new Text("selftest"), new Text($"size {width}x{height}"), new Text($"last key {lastKey}"),
                new Text($"pid {Environment.ProcessId}")))
        {
            Header = new PanelHeader("mailsetup"),
            Expand = true,
        };
}
