using System.Text;
using MailSetup.Core.Display;

namespace MailSetupTui.Tui.Terminal;

/// <summary>Asks the person at the terminal for a password without echoing it.</summary>
public interface IPasswordPrompt
{
    /// <summary>False when nobody is at a terminal to ask: the password must come another way.</summary>
    bool CanAsk { get; }

    /// <summary>Shows <paramref name="prompt"/> and returns what was typed (null when nobody can be asked).</summary>
    string? Ask(string prompt);
}

/// <summary>Asks on the console: the prompt on stderr, keys read one by one and never echoed.</summary>
public sealed class ConsolePasswordPrompt(ITerminal terminal) : IPasswordPrompt
{
    public bool CanAsk => terminal.Interactive;

    public string? Ask(string prompt)
    {
        if (!CanAsk) return null;
        // The prompt names a user from the command line or the directory: shown escaped, never as controls.
        Console.Error.Write(TerminalText.Escape(prompt));
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
