using MailSetup.Sandbox.Faults;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Every request the host received, in arrival order, so tests can compare what a plan says with
/// what went over the wire. Thread-safe; entries are added when a request arrives and completed
/// with its status when answered.
/// </summary>
public sealed class SandboxRequestLog
{
    private readonly object _gate = new();
    private readonly List<SandboxRequest> _entries = [];

    public int Count
    {
        get { lock (_gate) return _entries.Count; }
    }

    /// <summary>A copy of the log as it is now.</summary>
    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate) return _entries.ToList();
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    internal void Add(SandboxRequest request)
    {
        lock (_gate) _entries.Add(request);
    }

    /// <summary>Replaces the arrived entry by the answered one (found by reference: equal requests may repeat).</summary>
    internal void Complete(SandboxRequest arrived, int status, SandboxFaultKind? fault)
    {
        lock (_gate)
        {
            for (var i = _entries.Count - 1; i >= 0; i--)
            {
                if (!ReferenceEquals(_entries[i], arrived)) continue;
                _entries[i] = arrived with { Status = status, Fault = fault };
                return;
            }
        }
    }
}
