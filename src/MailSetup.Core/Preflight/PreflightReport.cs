namespace MailSetup.Core.Preflight;

/// <summary>The walked chain: every link in order, the first broken one (if any), and the links after it marked not checked.</summary>
public sealed record PreflightReport(string AppId, string Mailbox, IReadOnlyList<PreflightLink> Links)
{
    public PreflightLink? BrokenLink => Links.FirstOrDefault(l => l.Status == PreflightStatus.Failed);
    public bool Passed => BrokenLink is null && Links.All(l => l.Status is PreflightStatus.Passed or PreflightStatus.Warning);
}
