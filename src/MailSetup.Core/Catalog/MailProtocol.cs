namespace MailSetup.Core.Catalog;

/// <summary>The mail protocols Exchange Online serves with XOAUTH2.</summary>
public enum MailProtocol
{
    Imap,
    Pop,
    Smtp,
}
