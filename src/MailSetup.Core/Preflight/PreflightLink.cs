namespace MailSetup.Core.Preflight;

/// <summary>
/// One link of the chain from app to working login: what was checked, how it stands, what shows it,
/// and for a broken link the exact fix (ids filled in).
/// </summary>
/// <param name="Key">Stable identifier: app, enterprise-app, credential, consent, exchange-registration, mailbox, mailbox-permission, protocol,
/// token, login-imap...</param>
public sealed record PreflightLink(string Key, string Title, PreflightStatus Status, string Evidence, string? Fix = null)
{
    public static PreflightLink Pass(string key, string title, string evidence) => new(key, title, PreflightStatus.Passed, evidence);
    public static PreflightLink Warn(string key, string title, string evidence, string fix) =>
        new(key, title, PreflightStatus.Warning, evidence, fix);
    public static PreflightLink Fail(string key, string title, string evidence, string fix) => new(key, title, PreflightStatus.Failed, evidence, fix);
    public static PreflightLink Skip(string key, string title, string why) => new(key, title, PreflightStatus.NotChecked, why);
}
