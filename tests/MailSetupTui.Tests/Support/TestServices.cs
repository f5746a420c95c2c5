using MailSetup.App;
using MailSetup.Core;
using MailSetup.Testing;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Support;

/// <summary>
/// The services Program.cs registers, with test parts in place of the real ones: the fixed clock,
/// no environment variables, state under <paramref name="stateRoot"/>, and a terminal nobody sits
/// at. A test adds its own registrations afterwards; the last one of a kind wins.
/// </summary>
public static class TestServices
{
    public static IServiceCollection Collection(string stateRoot) => new ServiceCollection()
        .AddMailSetupCore(o => o.Clock = TestClock.Default)
        .AddSingleton<IEnvironment>(DictionaryEnvironment.Empty)
        .AddSingleton(new StateFolders(stateRoot))
        .AddMailSetupApp()
        .AddSingleton<ITerminal>(new TestTerminal())
        .AddSingleton<IPasswordPrompt, NoPasswordPrompt>();

    /// <summary>Nobody to ask: a password must come from the environment.</summary>
    private sealed class NoPasswordPrompt : IPasswordPrompt
    {
        public bool CanAsk => false;

        public string? Ask(string prompt) => null;
    }
}
