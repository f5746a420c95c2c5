using System.Collections.Concurrent;

namespace MailSetup.Sandbox.Faults;

/// <summary>
/// When each directory object was created (by id, and by appId for applications), on the tenant's
/// clock, so replication delay can tell a new object from an old one. Forgets after an hour:
/// replication windows are seconds to minutes.
/// </summary>
public sealed class RecentlyCreatedObjects(TimeProvider clock)
{
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.OrdinalIgnoreCase);

    public void Record(params string?[] ids)
    {
        var now = clock.GetUtcNow();
        foreach (var id in ids)
            if (!string.IsNullOrEmpty(id)) _created[id] = now;
        foreach (var (id, at) in _created)
            if (now - at > Memory) _created.TryRemove(id, out _);
    }

    /// <summary>An id created less than <paramref name="window"/> ago that <paramref name="text"/> names, if any.</summary>
    internal string? FreshIn(string text, TimeSpan window, DateTimeOffset now)
    {
        foreach (var (id, at) in _created)
            if (now - at < window && text.Contains(id, StringComparison.OrdinalIgnoreCase)) return id;
        return null;
    }
}
