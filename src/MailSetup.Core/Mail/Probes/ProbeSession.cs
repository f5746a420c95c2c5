using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>The state a protocol dialogue builds up while it runs: connection, mechanism and the answer that decided the login.</summary>
public sealed class ProbeSession(MailConnection connection, SaslMechanism mechanism, MailProbeRequest request)
{
    public MailConnection Connection { get; } = connection;
    public SaslMechanism Mechanism { get; } = mechanism;
    public MailProbeRequest Request { get; } = request;
    public MailTrace Trace => Connection.Trace;

    /// <summary>The server's final answer to the authentication (or the line that ended the dialogue early).</summary>
    public string? FinalAnswer { get; set; }

    public bool Authenticated { get; set; }

    /// <summary>Sends the SASL initial response as its own line, traced redacted.</summary>
    public Task SendInitialResponseAsync(CancellationToken cancellationToken) =>
        Connection.WriteLineAsync(TraceStage.Auth, Mechanism.InitialResponse(), cancellationToken, Mechanism.RedactedInitialResponse());

    /// <summary>Decodes an error challenge, notes it in the trace, and sends the answer the mechanism requires.</summary>
    public async Task AnswerChallengeAsync(string base64Challenge, CancellationToken cancellationToken)
    {
        var answer = Mechanism.AnswerChallenge(base64Challenge);
        Trace.Info(TraceStage.Auth, "error challenge: " + Mechanism.ErrorChallenge!.Json);
        await Connection.WriteLineAsync(TraceStage.Auth, answer, cancellationToken).ConfigureAwait(false);
    }
}
