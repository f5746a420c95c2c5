using System.Globalization;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// Benchmark-only (tests/MailSetup.Benchmarks, mode "tui"): with MAILSETUP_SYNTHETIC_TRACE_RATE=N the
/// UI receives N made-up trace lines a second, so key-to-frame latency can be measured through a
/// pseudo-terminal while the trace pane streams, as it does during a real probe. Never set otherwise.
/// </summary>
internal static class SyntheticTrace
{
    public const string Variable = "MAILSETUP_SYNTHETIC_TRACE_RATE";

    public static int? Rate(Func<string, string?> environment) =>
        int.TryParse(environment(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0 ? rate : null;

    /// <summary>Posts lines at <paramref name="perSecond"/> in small batches every 10 ms until cancelled.</summary>
    public static async Task RunAsync(int perSecond, Action<Msg> post, TimeProvider clock, CancellationToken cancellationToken)
    {
        var sent = 0L;
        var start = clock.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var due = (long)(clock.GetElapsedTime(start).TotalSeconds * perSecond);
                for (; sent < due; sent++)
                    post(
                        new TraceMsg(
                            new TraceLine(TraceOrigin.Imap, TraceDirection.Server, TraceStage.Command,
                                TimeSpan.FromTicks(sent * TimeSpan.TicksPerSecond / perSecond),
                        string.Create(CultureInfo.InvariantCulture, $"* {sent} FETCH (UID {sent} FLAGS (\\Seen) RFC822.SIZE 4096)"))));
            }
        }
        catch (OperationCanceledException)
        {
            // The UI is closing.
        }
    }
}
