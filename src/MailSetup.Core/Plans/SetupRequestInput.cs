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

    /// <summary><c>device</c> (the default) or <c>password</c>: see <see cref="Plans.DelegatedFlow"/>.</summary>
    public string? DelegatedFlow { get; init; }
    /// <summary>mailbox (default) or tenant: where SMTP AUTH is turned on.</summary>
    public string? SmtpAuth { get; init; }
}

/// <summary>A mailboxes file: one address a line; blank lines and lines starting with # are skipped.</summary>
public sealed record MailboxFile(string Name, string Text);

/// <summary>
/// One problem with the input: the field it is about, the value given and what is expected. When the
/// problem lies between fields (two that exclude each other, or neither of two alternatives given),
/// <see cref="Others"/> holds the rest. The message names fields as the caller's
/// <see cref="ISetupFieldNames"/> does.
/// </summary>
public sealed record InputError(SetupField Field, string? Value, string Message)
{
    public IReadOnlyList<SetupField> Others { get; init; } = [];

    /// <summary><see cref="Field"/> first, then <see cref="Others"/>.</summary>
    public IEnumerable<SetupField> Fields => [Field, .. Others];

    public override string ToString() => $"{string.Join("/", Fields)}: {Message}";
}
