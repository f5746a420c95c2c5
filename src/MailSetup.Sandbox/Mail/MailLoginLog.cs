namespace MailSetup.Sandbox.Mail;

/// <summary>The last login decisions, oldest first, bounded so a login loop cannot grow memory.</summary>
internal sealed class MailLoginLog(int capacity)
{
    private readonly Queue<MailLoginRecord> _records = new();

    public void Add(MailLoginRecord record)
    {
        lock (_records)
        {
            _records.Enqueue(record);
            while (_records.Count > Math.Max(1, capacity)) _records.Dequeue();
        }
    }

    public IReadOnlyList<MailLoginRecord> Snapshot()
    {
        lock (_records) return _records.ToList();
    }
}
