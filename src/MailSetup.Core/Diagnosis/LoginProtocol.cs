namespace MailSetup.Core.Diagnosis;

/// <summary>The Exchange protocols an XOAUTH2 login is diagnosed for.</summary>
public enum LoginProtocol
{
    Imap,
    Pop,
    Smtp,
}
