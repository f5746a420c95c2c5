using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>SMTP submission login probe: greeting, EHLO, STARTTLS and EHLO again when asked, AUTH with 334 continuation, QUIT.</summary>
public sealed class SmtpProbe : MailProbe
{
    private const int MaxReplyLines = 1000;

    public override MailProtocol Protocol => MailProtocol.Smtp;

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var greeting = await ReadReplyAsync(connection, TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
        if (greeting.Code != 220)
        {
            session.FinalAnswer = greeting.FinalLine;
            return;
        }
        var ehlo = await CommandAsync(connection, TraceStage.Greeting, "EHLO " + session.Request.ClientName, cancellationToken).ConfigureAwait(false);
        if (ehlo.Code != 250)
        {
            session.FinalAnswer = ehlo.FinalLine;
            return;
        }

        if (session.Request.Tls == TlsMode.StartTls)
        {
            var started = await CommandAsync(connection, TraceStage.Tls, "STARTTLS", cancellationToken).ConfigureAwait(false);
            if (started.Code != 220)
            {
                session.FinalAnswer = started.FinalLine;
                return;
            }
            await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            // RFC 3207: forget what was learnt in clear text and greet again.
            ehlo = await CommandAsync(connection, TraceStage.Greeting, "EHLO " + session.Request.ClientName, cancellationToken).ConfigureAwait(false);
        }

        var answer = await AuthenticateAsync(session, cancellationToken).ConfigureAwait(false);
        session.FinalAnswer = answer.FinalLine;
        session.Authenticated = answer.Code == 235;
        // Any answer to QUIT will do (Dovecot may say 421 when its relay is down); the login is decided.
        await CommandAsync(connection, TraceStage.Command, "QUIT", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SmtpReply> AuthenticateAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var reply = await CommandAsync(connection, TraceStage.Auth, "AUTH " + session.Mechanism.Name, cancellationToken).ConfigureAwait(false);
        var sentInitial = false;
        while (reply.Code == 334)
        {
            if (!sentInitial)
            {
                await session.SendInitialResponseAsync(cancellationToken).ConfigureAwait(false);
                sentInitial = true;
            }
            else if (session.Mechanism.ErrorChallenge is null)
            {
                await session.AnswerChallengeAsync(SmtpReply.ParseLine(reply.FinalLine)?.Text ?? "", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // RFC 4954: "*" cancels the exchange.
                await connection.WriteLineAsync(TraceStage.Auth, "*", cancellationToken).ConfigureAwait(false);
            }
            reply = await ReadReplyAsync(connection, TraceStage.Auth, cancellationToken).ConfigureAwait(false);
        }
        return reply;
    }

    private static async Task<SmtpReply> CommandAsync(MailConnection connection, TraceStage stage, string command, CancellationToken cancellationToken)
    {
        await connection.WriteLineAsync(stage, command, cancellationToken).ConfigureAwait(false);
        return await ReadReplyAsync(connection, stage, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<SmtpReply> ReadReplyAsync(MailConnection connection, TraceStage stage, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
            var parsed = SmtpReply.ParseLine(line) ?? throw new MailProtocolException(stage, "Not an SMTP reply: " + line);
            lines.Add(line);
            if (!parsed.More) return SmtpReply.From(parsed.Code, lines);
            if (lines.Count >= MaxReplyLines) throw new MailProtocolException(stage, $"A reply ran over {MaxReplyLines} lines.");
        }
    }
}
