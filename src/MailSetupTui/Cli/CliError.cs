namespace MailSetupTui.Cli;

/// <summary>One problem with the command line: what it is about (an option or a token) and what is wrong.</summary>
public sealed record CliError(string Subject, string Message)
{
    /// <summary>The options this error is about; conflicting ones are joined with '/' (see SetupOptionNames.Subject).</summary>
    public IEnumerable<string> Options => Subject.Split('/');

    public override string ToString() => $"{Subject}: {Message}";
}
