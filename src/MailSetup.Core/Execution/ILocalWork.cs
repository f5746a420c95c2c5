using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>Work a plan does on this machine (making a certificate).</summary>
public interface ILocalWork
{
    Task<LocalWorkResult> RunAsync(LocalStep step, CancellationToken cancellationToken);
}

/// <summary>The references the work produced, whether it made something new, and what to tell the admin.</summary>
public sealed record LocalWorkResult(IReadOnlyDictionary<string, string> Values, bool Made, string Detail);
