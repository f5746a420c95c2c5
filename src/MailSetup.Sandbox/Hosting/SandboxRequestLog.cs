using MailSetup.Sandbox.Faults;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Every request the host received, in arrival order, so tests can compare what a plan says with
/// what went over the wire. Thread-safe; entries are added when a request arrives and completed
/// with its status when answered. Past <see cref="Capacity"/> entries the oldest tenth is dropped,
/// so a long-running <c>sandbox serve</c> does not grow without end.
/// </summary>
public sealed class SandboxRequestLog(int capacity = SandboxRequestLog.DefaultCapacity)
{
    public const int DefaultCapacity = 100_000;

    private readonly object _gate = new();
    private readonly List<SandboxRequest> _entries = [];

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

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
        lock (_gate)
        {
            if (_entries.Count >= Capacity) _entries.RemoveRange(0, Math.Max(1, Capacity / 10));
            _entries.Add(request);
        }
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
