namespace MailSetup.Benchmarks;

/// <summary>
/// Wraps the sandbox's handler and counts what goes through it: every HTTP call, how many are in
/// flight at once (and the most ever), and answers that a runner would retry (429, 5xx).
/// </summary>
internal sealed class InFlightCounter : DelegatingHandler
{
    private int _calls;
    private int _inFlight;
    private int _peak;
    private int _retryable;

    public int Calls => Volatile.Read(ref _calls);
    public int Peak => Volatile.Read(ref _peak);
    public int Retryable => Volatile.Read(ref _retryable);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peak); now > peak; peak = Volatile.Read(ref _peak))
        {
            if (Interlocked.CompareExchange(ref _peak, now, peak) == peak) break;
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode is 429 or >= 500) Interlocked.Increment(ref _retryable);
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
