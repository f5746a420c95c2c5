namespace MailSetup.Core.Plans;

/// <summary>An ordered list of steps that takes a tenant to the requested setup, with what to know first.</summary>
public sealed record Plan(
    SetupRequest Request,
    DateTimeOffset CreatedAt,
    IReadOnlyList<PlanStep> Steps,
    IReadOnlyList<PlanNotice> Notices)
{
    /// <summary>Every reference a step produces, in order of first production.</summary>
    public IReadOnlyList<Reference> References =>
        Steps.SelectMany(s => s.Produces).DistinctBy(r => r.Name).ToList();
}

public enum NoticeSeverity
{
    Info,
    Warning,
}

/// <summary>Something the admin should read before applying (advice, unconfirmed hosts, dates).</summary>
public sealed record PlanNotice(NoticeSeverity Severity, string Code, string Text);
