namespace MailSetup.Sandbox.Faults;

/// <summary>
/// The fault rules of a host, changeable while it runs (thread-safe). Each request is checked against
/// the rules in the order they were added: latencies add up; the first other fault that applies
/// answers the request. A request inside a <c>$batch</c> has no connection of its own, so
/// timeouts and connection resets pass it by.
/// </summary>
public sealed class SandboxFaults
{
    private readonly object _gate = new();
    private readonly List<SandboxFaultRule> _rules = [];

    public IReadOnlyList<SandboxFaultRule> Rules
    {
        get { lock (_gate) return _rules.ToList(); }
    }

    /// <summary>Adds a rule; <paramref name="when"/> defaults to every matching call.</summary>
    public SandboxFaultRule Add(FaultMatch match, SandboxFault fault, FaultOccurrences? when = null)
    {
        var rule = new SandboxFaultRule(match, fault, when ?? FaultOccurrences.Every);
        lock (_gate) _rules.Add(rule);
        return rule;
    }

    public bool Remove(SandboxFaultRule rule)
    {
        lock (_gate) return _rules.Remove(rule);
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    internal bool IsEmpty
    {
        get { lock (_gate) return _rules.Count == 0; }
    }

    internal FaultDecision Decide(FaultRequest request, RecentlyCreatedObjects created, DateTimeOffset now)
    {
        var latency = TimeSpan.Zero;
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                var kind = rule.Fault.Kind;
                if (!rule.Match.Matches(request)) continue;
                if (request.ViaBatch && kind is SandboxFaultKind.Timeout or SandboxFaultKind.ConnectionReset) continue;
                string? staleId = null;
                if (kind == SandboxFaultKind.ReplicationDelay)
                {
                    staleId = request.ReplicatesInto ? created.FreshIn(request.ReferenceText, rule.Fault.Duration, now) : null;
                    if (staleId is null) continue;
                }
                if (!rule.Count()) continue;
                if (kind == SandboxFaultKind.Latency)
                {
                    latency += rule.Fault.Duration;
                    continue;
                }
                return new FaultDecision(latency, rule.Fault, staleId);
            }
        }
        return new FaultDecision(latency, null, null);
    }
}

/// <summary>What the faults do to one request: a delay first, then maybe a fault instead of the answer.</summary>
internal sealed record FaultDecision(TimeSpan Latency, SandboxFault? Fault, string? StaleObjectId);
