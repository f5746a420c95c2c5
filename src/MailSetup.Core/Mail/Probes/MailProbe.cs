using System.Net.Sockets;
using System.Security.Authentication;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// Runs one login attempt over a traced connection and turns whatever happens (answer, timeout, TLS
/// failure, protocol error) into a <see cref="MailProbeResult"/>. Cancellation by the caller is the one thing
/// it does not swallow: it propagates as <see cref="OperationCanceledException"/>. The whole probe runs
/// under <see cref="MailConnectionOptions.TotalTimeout"/>, so no server can keep it busy forever.
/// </summary>
public abstract class MailProbe
{
    public abstract MailProtocol Protocol { get; }

    /// <summary>The probe that speaks <paramref name="protocol"/>.</summary>
    public static MailProbe For(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => new ImapProbe(),
        MailProtocol.Pop => new Pop3Probe(),
        _ => new SmtpProbe(),
    };

    public async Task<MailProbeResult> RunAsync(MailProbeRequest request, CancellationToken cancellationToken)
    {
        request.Validate();
        var trace = new MailTrace(request.Time, request.TraceSink);
        var mechanism = request.CreateMechanism();
        trace.AddSecret(request.Token);
        trace.AddSecret(mechanism.InitialResponse());
        ProbeSession? session = null;
        var stage = TraceStage.Dns;
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(request.Options.TotalTimeout);
        try
        {
            // Implicit TLS is started here rather than inside ConnectAsync so a failed handshake still leaves its TLS facts on the session.
            await using var connection =
                await MailConnection.ConnectAsync(request.Host, request.Port, request.Options, trace, overall.Token).ConfigureAwait(false);
            session = new ProbeSession(connection, mechanism, request);
            stage = TraceStage.Tls;
            if (request.Tls == TlsMode.Implicit) await connection.StartTlsAsync(overall.Token).ConfigureAwait(false);
            stage = TraceStage.Greeting;
            await ConverseAsync(session, overall.Token).ConfigureAwait(false);
            return Result(session.Authenticated, session.FinalAnswer, session.FailedStage, session.Failure, session.FailureKind);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && overall.IsCancellationRequested)
        {
            var failedAt = LastStage(trace, stage);
            var message = $"The probe took longer than {request.Options.TotalTimeout.TotalSeconds:0.###}s in all.";
            trace.Info(failedAt, "failed: " + message);
            return Result(false, session?.FinalAnswer, failedAt, message, MailFailureKind.Timeout);
        }
        // The request was validated before the try: whatever else goes wrong (a bug of ours included) becomes a result,
        // never an exception; only the caller's own cancellation goes through.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var failedAt = e is MailProtocolException p ? p.Stage : LastStage(trace, stage);
            var kind = Classify(e, failedAt);
            var message = kind == MailFailureKind.Unexpected ? $"{e.GetType().Name}: {e.Message}" : e.Message;
            trace.Info(failedAt, "failed: " + message);
            // A login fully proven before the goodbye broke stays a success; the failure is kept beside it.
            return Result(session?.Authenticated ?? false, session?.FinalAnswer, failedAt, message, kind);
        }

        MailProbeResult Result(bool ok, string? answer, TraceStage? failedStage, string? failure, MailFailureKind? kind) =>
            new(Protocol, ok, answer, mechanism.ErrorChallenge, session?.Connection.Tls, failedStage, failure, trace.Events)
            {
                FailureKind = kind,
                AuthenticationAccepted = session?.AuthenticationAccepted ?? false,
            };
    }

    /// <summary>The protocol dialogue: greeting, capabilities, optional upgrade, authentication, a little work, goodbye.</summary>
    protected abstract Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken);

    private static MailFailureKind Classify(Exception e, TraceStage stage) => e switch
    {
        MailProtocolException p => p.Kind,
        TimeoutException => MailFailureKind.Timeout,
        AuthenticationException => MailFailureKind.Tls,
        IOException or SocketException when stage == TraceStage.Tls => MailFailureKind.Tls,
        IOException or SocketException => MailFailureKind.ConnectionClosed,
        _ => MailFailureKind.Unexpected,
    };

    private static TraceStage LastStage(MailTrace trace, TraceStage fallback) =>
        trace.Events.Count > 0 ? trace.Events[^1].Stage : fallback;
}
