namespace MailSetup.Core.Diagnosis;

/// <summary>How much a finding matters: errors stop a login, warnings will soon, info explains.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
    Info,
}
