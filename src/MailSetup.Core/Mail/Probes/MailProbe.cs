using System.Net.Sockets;
using System.Security.Authentication;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// Runs one login attempt over a traced connection and turns whatever happens (answer, timeout, TLS
/// failure, protocol error) into a <see cref="MailProbeResult"/>. Cancellation is the one thing it does
/// not swallow: it propagates as <see cref="OperationCanceledException"/>.
/// </summary>
public abstract class MailProbe
{
    public abstract MailProtocol Protocol { get; }

    public async Task<MailProbeResult> RunAsync(MailProbeRequest request, CancellationToken cancellationToken)
    {
        var trace = new MailTrace(request.Time, request.TraceSink);
        var mechanism = request.CreateMechanism();
        ProbeSession? session = null;
        var stage = TraceStage.Dns;
        try
        {
            // Implicit TLS is started here rather than inside ConnectAsync so a failed handshake still leaves its TLS facts on the session.
            await using var connection = await MailConnection.ConnectAsync(request.Host, request.Port, TlsMode.None, request.Options, trace, cancellationToken).ConfigureAwait(false);
            session = new ProbeSession(connection, mechanism, request);
            stage = TraceStage.Tls;
            if (request.Tls == TlsMode.Implicit) await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            stage = TraceStage.Greeting;
            await ConverseAsync(session, cancellationToken).ConfigureAwait(false);
            return Result(session.Authenticated, session.FinalAnswer, null, null);
        }
        catch (Exception e) when (e is MailProtocolException or TimeoutException or IOException or SocketException or AuthenticationException)
        {
            var failedAt = e is MailProtocolException p ? p.Stage : LastStage(trace, stage);
            trace.Info(failedAt, "failed: " + e.Message);
            return Result(session?.Authenticated ?? false, session?.FinalAnswer, failedAt, e.Message);
        }

        MailProbeResult Result(bool ok, string? answer, TraceStage? failedStage, string? failure) =>
            new(Protocol, ok, answer, mechanism.ErrorChallenge, session?.Connection.Tls, failedStage, failure, trace.Events);
    }

    /// <summary>The protocol dialogue: greeting, capabilities, optional upgrade, authentication, a little work, goodbye.</summary>
    protected abstract Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken);

    private static TraceStage LastStage(MailTrace trace, TraceStage fallback) =>
        trace.Events.Count > 0 ? trace.Events[^1].Stage : fallback;
}
