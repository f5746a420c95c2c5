using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>Work a plan does on this machine (making a certificate); returns the references it produces.</summary>
public interface ILocalWork
{
    Task<IReadOnlyDictionary<string, string>> RunAsync(LocalStep step, CancellationToken cancellationToken);
}
