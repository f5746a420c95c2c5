namespace MailSetup.App;

/// <summary>
/// The process's environment variables as the tool reads them (AZURE_*, XDG_STATE_HOME, NO_COLOR,
/// TERM). One seam so tests give their own and never read or depend on the real ones.
/// </summary>
public interface IEnvironment
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);
}

/// <summary>The real process environment.</summary>
public sealed class ProcessEnvironment : IEnvironment
{
    public static ProcessEnvironment Instance { get; } = new();

    public string? Get(string name) => Environment.GetEnvironmentVariable(name);
}

/// <summary>A fixed set of variables (tests, or a child process's view); anything else is unset.</summary>
public sealed class DictionaryEnvironment(IReadOnlyDictionary<string, string> variables) : IEnvironment
{
    public static DictionaryEnvironment Empty { get; } = new(new Dictionary<string, string>());

    public string? Get(string name) => variables.GetValueOrDefault(name);
}
