namespace MailSetup.Core.Exchange;

/// <summary>
/// A cmdlet call as data: name and ordered parameters. Text values may hold <c>{references}</c>;
/// emitters turn them into PowerShell variables or admin-API JSON.
/// </summary>
public sealed record Cmdlet(string Name, IReadOnlyList<CmdletParameter> Parameters)
{
    public static Cmdlet Create(string name, params CmdletParameter[] parameters) => new(name, parameters);

    public string? TextOf(string parameter) =>
        Parameters.FirstOrDefault(p => p.Name == parameter)?.Value as string;
}

/// <summary>One parameter. <see cref="Value"/> is a string, a bool, or null for a switch.</summary>
public sealed record CmdletParameter(string Name, object? Value)
{
    public static CmdletParameter Text(string name, string value) => new(name, value);
    public static CmdletParameter Switch(string name) => new(name, null);
    public static CmdletParameter Flag(string name, bool value) => new(name, value);

    public bool IsSwitch => Value is null;
}
