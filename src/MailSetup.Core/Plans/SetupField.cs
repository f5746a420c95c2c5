namespace MailSetup.Core.Plans;

/// <summary>
/// One value of a <see cref="SetupRequestInput"/>, named after its property. Input errors are keyed
/// by field; each front end says the field its own way (<see cref="ISetupFieldNames"/>).
/// </summary>
public enum SetupField
{
    Presets,
    AppName,
    AppId,
    Mailboxes,
    MailboxFiles,
    SendAs,
    Scope,
    ScopeGroup,
    Cloud,
    SecretDays,
    Certificate,
    DelegatedFlow,
    SmtpAuth,
}
