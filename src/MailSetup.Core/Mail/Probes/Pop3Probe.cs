using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// POP3 login probe: greeting, CAPA, STLS when asked, AUTH with continuation (RFC 5034), STAT, QUIT. The login
/// counts only when STAT works too: a server may accept the token and still refuse the maildrop.
/// </summary>
public sealed class Pop3Probe : MailProbe
{
    public override MailProtocol Protocol => MailProtocol.Pop;

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var greeting = await ReadStatusAsync(connection, TraceStage.Greeting, "the greeting", cancellationToken).ConfigureAwait(false);
        if (Pop3Reply.Classify(greeting) != Pop3ReplyKind.Ok)
        {
            session.FinalAnswer = greeting;
            return;
        }
        await CapaAsync(session, cancellationToken).ConfigureAwait(false);

        if (session.Request.Tls == TlsMode.StartTls)
        {
            var started = await CommandAsync(connection, TraceStage.Tls, "STLS", cancellationToken).ConfigureAwait(false);
            if (Pop3Reply.Classify(started) != Pop3ReplyKind.Ok)
            {
                session.RefuseStartTls("STLS", started);
                return;
            }
            await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            await CapaAsync(session, cancellationToken).ConfigureAwait(false);
        }

        var answer = await AuthenticateAsync(session, cancellationToken).ConfigureAwait(false);
        session.FinalAnswer = answer;
        session.AuthenticationAccepted = Pop3Reply.Classify(answer) == Pop3ReplyKind.Ok;
        if (session.AuthenticationAccepted)
        {
            var stat = await CommandAsync(connection, TraceStage.Command, "STAT", cancellationToken).ConfigureAwait(false);
            if (Pop3Reply.Classify(stat) == Pop3ReplyKind.Ok) session.Authenticated = true;
            else session.RefuseAfterLogin(stat, "The server accepted the login, then refused STAT.");
        }
        await session.GoodbyeAsync(() => CommandAsync(connection, TraceStage.Command, "QUIT", cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<string> AuthenticateAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        await connection.WriteLineAsync(TraceStage.Auth, "AUTH " + session.Mechanism.Name, cancellationToken).ConfigureAwait(false);
        var sentInitial = false;
        var rounds = 0;
        while (true)
        {
            var line = await ReadStatusAsync(connection, TraceStage.Auth, "AUTH", cancellationToken).ConfigureAwait(false);
            if (Pop3Reply.Classify(line) != Pop3ReplyKind.Continuation) return line;
            session.CountSaslRound(ref rounds);
            if (!sentInitial)
            {
                await session.SendInitialResponseAsync(cancellationToken).ConfigureAwait(false);
                sentInitial = true;
            }
            else if (session.Mechanism.ErrorChallenge is null)
            {
                await session.AnswerChallengeAsync(Pop3Reply.Text(line), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // RFC 5034: "*" cancels an exchange that does not end.
                await connection.WriteLineAsync(TraceStage.Auth, "*", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task CapaAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var first = await CommandAsync(connection, TraceStage.Greeting, "CAPA", cancellationToken).ConfigureAwait(false);
        if (Pop3Reply.Classify(first) != Pop3ReplyKind.Ok) return;
        var lines = 0;
        while (await connection.ReadLineAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false) != ".")
            session.CountLine(ref lines, TraceStage.Greeting, "CAPA");
    }

    private static async Task<string> CommandAsync(MailConnection connection, TraceStage stage, string command, CancellationToken cancellationToken)
    {
        await connection.WriteLineAsync(stage, command, cancellationToken).ConfigureAwait(false);
        return await ReadStatusAsync(connection, stage, command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> ReadStatusAsync(MailConnection connection, TraceStage stage, string what, CancellationToken cancellationToken)
    {
        var line = await connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
        if (Pop3Reply.Classify(line) == Pop3ReplyKind.Invalid)
            throw new MailProtocolException(stage,
                $"The server answered {what} with a line that is no POP3 status (+OK, -ERR or " +
                $"+): {(line.Length <= 200 ? line : line[..200] + "...")}");
        return line;
    }
}
