using System.Net;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Execution;

/// <summary>
/// Tells failures worth trying again (throttling, 5xx, resets, timeouts, a new object not yet
/// replicated) from real ones, with the server's Retry-After when it gave one.
/// </summary>
internal static class TransientFailure
{
    public sealed record Reason(string Text, TimeSpan? RetryAfter);

    private static readonly HashSet<int> RetriedStatuses = [429, 502, 503, 504];

    /// <param name="madeEarlier">Ids of objects the run made or read earlier and this step uses: a "not
    /// found" naming one of them means "not replicated yet"; naming anything else (a mistyped
    /// mailbox) it is final.</param>
    public static Reason? Classify(Exception error, IReadOnlyCollection<string> madeEarlier, CancellationToken cancellation)
    {
        var mayBeReplication = madeEarlier.Any(id => error.Message.Contains(id, StringComparison.OrdinalIgnoreCase));
        switch (error)
        {
            case OperationCanceledException when !cancellation.IsCancellationRequested:
                return new("the request timed out", null);
            case HttpRequestException or IOException:
                return new($"the connection failed ({error.Message})", null);
            case ApiException api when RetriedStatuses.Contains(api.ResponseStatusCode):
                return new($"the server answered {api.ResponseStatusCode}", RetryAfter(api));
            case ApiException { ResponseStatusCode: (int)HttpStatusCode.NotFound } when mayBeReplication:
                return new("not found yet (directory replication)", null);
            case ExchangeCommandException exchange when RetriedStatuses.Contains(exchange.Status):
                return new($"Exchange answered {exchange.Status}", null);
            case ExchangeCommandException exchange when exchange.IsNotFound && mayBeReplication:
                return new("not found in Exchange yet (replication)", null);
            default:
                return null;
        }
    }

    private static TimeSpan? RetryAfter(ApiException api)
    {
        foreach (var (name, values) in api.ResponseHeaders)
        {
            if (!string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            var value = values.FirstOrDefault();
            if (int.TryParse(value, out var seconds)) return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }
}
