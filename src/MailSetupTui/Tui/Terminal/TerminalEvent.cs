using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.Terminal;

/// <summary>What the terminal tells the UI loop. Posted from the input thread and signal handlers; the loop turns them into its own
/// messages.</summary>
public abstract record TerminalEvent;

public sealed record KeyEvent(KeyPress Key) : TerminalEvent;

/// <summary>The terminal now has this size: render for it and repaint everything.</summary>
public sealed record ResizeEvent(int Width, int Height) : TerminalEvent;
