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

    /// <summary>The login is proven: authentication accepted and the session usable (the probe's success).</summary>
    public bool Authenticated { get; set; }

    /// <summary>The server accepted the authentication exchange (the session may still be refused after it).</summary>
    public bool AuthenticationAccepted { get; set; }

    /// <summary>Where and why a decided login failed after its authentication was accepted; null otherwise.</summary>
    public TraceStage? FailedStage { get; private set; }
    public string? Failure { get; private set; }
    public MailFailureKind? FailureKind { get; private set; }

    /// <summary>Records that the server refused what came after a successful authentication: <paramref name="answer"/> becomes the final
    /// answer.</summary>
    public void RefuseAfterLogin(string answer, string failure, MailFailureKind kind = MailFailureKind.RefusedAfterLogin)
    {
        Authenticated = false;
        FinalAnswer = answer;
        FailedStage = TraceStage.Command;
        Failure = failure;
        FailureKind = kind;
        Trace.Info(TraceStage.Command, failure);
    }

    /// <summary>
    /// Records that the server refused to start TLS: the login was never tried (no token was sent), so
    /// the refusal is a TLS failure, not an answer to the login; nor is it the final answer the answer rules read.
    /// </summary>
    public void RefuseStartTls(string command, string answer)
    {
        Authenticated = false;
        FailedStage = TraceStage.Tls;
        Failure = $"The server refused {command}: {answer}";
        FailureKind = MailFailureKind.StartTlsRefused;
        Trace.Info(TraceStage.Tls, Failure);
    }

    /// <summary>
    /// Runs the goodbye (LOGOUT, QUIT) once the login is decided: a server that breaks off here changes nothing
    /// about the login, so its failure is only noted in the trace.
    /// </summary>
    public async Task GoodbyeAsync(Func<Task> goodbye)
    {
        try
        {
            await goodbye().ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailProtocolException or TimeoutException or IOException or System.Net.Sockets.SocketException)
        {
            Trace.Info(TraceStage.Command, "goodbye not completed: " + e.Message);
        }
    }

    /// <summary>Counts one more line of an answer and stops a server that would never finish one.</summary>
    public void CountLine(ref int lines, TraceStage stage, string what)
    {
        if (++lines > Request.Options.MaxResponseLines)
            throw new MailProtocolException(stage, $"The server sent more than {Request.Options.MaxResponseLines} lines in answer to {what}.");
    }

    /// <summary>Counts one more SASL challenge and stops an exchange that would never end.</summary>
    public void CountSaslRound(ref int rounds)
    {
        if (++rounds > Request.Options.MaxSaslRounds)
            throw new MailProtocolException(TraceStage.Auth,
                $"The server sent more than {Request.Options.MaxSaslRounds} challenges in one authentication.");
    }

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
