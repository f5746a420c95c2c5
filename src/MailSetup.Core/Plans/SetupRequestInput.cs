namespace MailSetup.Core.Plans;

/// <summary>
/// A setup request as typed: every value still a string, so that checking it can name exactly
/// what was wrong. <see cref="MailboxFiles"/> holds the text of each mailboxes file with its name.
/// </summary>
public sealed record SetupRequestInput
{
    public string? Presets { get; init; }
    public string? AppName { get; init; }
    public string? AppId { get; init; }
    public IReadOnlyList<string> Mailboxes { get; init; } = [];
    public IReadOnlyList<MailboxFile> MailboxFiles { get; init; } = [];
    public bool SendAs { get; init; }
    public string? Scope { get; init; }
    public string? ScopeGroup { get; init; }
    public string? Cloud { get; init; }
    public string? SecretDays { get; init; }
    public bool Certificate { get; init; }
}

/// <summary>A mailboxes file: one address a line; blank lines and lines starting with # are skipped.</summary>
public sealed record MailboxFile(string Name, string Text);

/// <summary>One problem with the input: the option, the value given and what is expected.</summary>
public sealed record InputError(string Option, string? Value, string Message)
{
    public override string ToString() => $"{Option}: {Message}";
}
