using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Cli;

/// <summary>
/// The process's environment and terminal as commands see them, replaceable through the service
/// provider so tests never touch the real ones.
/// </summary>
internal static class CliEnvironment
{
    public static Func<string, string?> Variables(IServiceProvider services) =>
        services.GetService<Func<string, string?>>() ?? Environment.GetEnvironmentVariable;

    public static CliTerminal Terminal(IServiceProvider services) => services.GetService<CliTerminal>() ?? CliTerminal.None;

    /// <summary>Asks a person for a password without echoing it; null when nobody is at a terminal.</summary>
    public static Func<string, string?>? PasswordPrompt(IServiceProvider services)
    {
        if (!Terminal(services).Interactive) return null;
        return prompt =>
        {
            Console.Error.Write(prompt);
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
            }
            Console.Error.WriteLine();
            return typed.ToString();
        };
    }
}
