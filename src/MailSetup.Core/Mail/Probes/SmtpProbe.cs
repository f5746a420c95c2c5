using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// SMTP submission login probe: greeting, EHLO, STARTTLS and EHLO again when asked, AUTH with 334 continuation,
/// then, when the request carries an <see cref="SmtpEnvelope"/>, MAIL FROM and RCPT TO followed by a test message
/// (DATA) or RSET, and QUIT. A refused envelope fails the probe: Exchange accepts the login and refuses the sender.
/// </summary>
public sealed class SmtpProbe : MailProbe
{
    public override MailProtocol Protocol => MailProtocol.Smtp;

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var smtp = new Dialogue(session);
        var greeting = await smtp.ReadReplyAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
        if (greeting.Code != 220)
        {
            session.FinalAnswer = greeting.FinalLine;
            return;
        }
        var ehlo = await smtp.CommandAsync(TraceStage.Greeting, "EHLO " + session.Request.ClientName, cancellationToken).ConfigureAwait(false);
        if (ehlo.Code != 250)
        {
            session.FinalAnswer = ehlo.FinalLine;
            return;
        }

        if (session.Request.Tls == TlsMode.StartTls)
        {
            var started = await smtp.CommandAsync(TraceStage.Tls, "STARTTLS", cancellationToken).ConfigureAwait(false);
            if (started.Code != 220)
            {
                session.RefuseStartTls("STARTTLS", started.FinalLine);
                return;
            }
            await session.Connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            // RFC 3207: forget what was learnt in clear text and greet again.
            ehlo = await smtp.CommandAsync(TraceStage.Greeting, "EHLO " + session.Request.ClientName, cancellationToken).ConfigureAwait(false);
        }

        var answer = await smtp.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
        session.FinalAnswer = answer.FinalLine;
        session.AuthenticationAccepted = answer.Code == 235;
        if (session.AuthenticationAccepted)
        {
            if (session.Request.Envelope is { } envelope) await smtp.EnvelopeAsync(envelope, cancellationToken).ConfigureAwait(false);
            session.Authenticated = session.FailureKind is null;
        }
        // Any answer to QUIT will do (Dovecot may say 421 when its relay is down); the login is decided.
        await session.GoodbyeAsync(() => smtp.CommandAsync(TraceStage.Command, "QUIT", cancellationToken)).ConfigureAwait(false);
    }

    private sealed class Dialogue(ProbeSession session)
    {
        private MailConnection Connection => session.Connection;

        public async Task<SmtpReply> AuthenticateAsync(CancellationToken cancellationToken)
        {
            var reply = await CommandAsync(TraceStage.Auth, "AUTH " + session.Mechanism.Name, cancellationToken).ConfigureAwait(false);
            var sentInitial = false;
            var rounds = 0;
            while (reply.Code == 334)
            {
                session.CountSaslRound(ref rounds);
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
                    await Connection.WriteLineAsync(TraceStage.Auth, "*", cancellationToken).ConfigureAwait(false);
                }
                reply = await ReadReplyAsync(TraceStage.Auth, cancellationToken).ConfigureAwait(false);
            }
            return reply;
        }

        /// <summary>MAIL FROM, each RCPT TO, then DATA with the test message or RSET; the first refusal fails the probe.</summary>
        public async Task EnvelopeAsync(SmtpEnvelope envelope, CancellationToken cancellationToken)
        {
            if (!await StepAsync($"MAIL FROM:<{envelope.MailFrom}>", "MAIL FROM", cancellationToken).ConfigureAwait(false)) return;
            foreach (var recipient in envelope.RcptTo)
                if (!await StepAsync($"RCPT TO:<{recipient}>", "RCPT TO", cancellationToken).ConfigureAwait(false)) return;

            if (!envelope.SendTestMessage)
            {
                // Abandons the envelope: nothing is sent. Its answer does not matter.
                await CommandAsync(TraceStage.Command, "RSET", cancellationToken).ConfigureAwait(false);
                return;
            }
            var data = await CommandAsync(TraceStage.Command, "DATA", cancellationToken).ConfigureAwait(false);
            if (data.Code != 354)
            {
                Refuse(data, "DATA");
                return;
            }
            var lines = SmtpTestMessage.Lines(envelope, session.Request.Time.GetUtcNow(), session.Request.ClientName, Guid.NewGuid());
            var bytes = SmtpTestMessage.Encode(lines);
            await Connection.WriteBlockAsync(TraceStage.Command, bytes,
                $"<test message: {lines.Count} lines, {bytes.Length} bytes, Subject: {SmtpTestMessage.Subject}>", cancellationToken)
                    .ConfigureAwait(false);
            var accepted = await ReadReplyAsync(TraceStage.Command, cancellationToken).ConfigureAwait(false);
            if (accepted.Code != 250) Refuse(accepted, "the test message");
            else session.Trace.Info(TraceStage.Command, "test message accepted: " + accepted.FinalLine);
        }

        private async Task<bool> StepAsync(string command, string what, CancellationToken cancellationToken)
        {
            var reply = await CommandAsync(TraceStage.Command, command, cancellationToken).ConfigureAwait(false);
            if (reply.Code is 250 or 251) return true;
            Refuse(reply, what);
            return false;
        }

        private void Refuse(SmtpReply reply, string what) =>
            session.RefuseAfterLogin(reply.FinalLine, $"The server accepted the login, then refused {what} ({reply.Code}).",
                MailFailureKind.RefusedEnvelope);

        public async Task<SmtpReply> CommandAsync(TraceStage stage, string command, CancellationToken cancellationToken)
        {
            await Connection.WriteLineAsync(stage, command, cancellationToken).ConfigureAwait(false);
            return await ReadReplyAsync(stage, cancellationToken).ConfigureAwait(false);
        }

        public async Task<SmtpReply> ReadReplyAsync(TraceStage stage, CancellationToken cancellationToken)
        {
            var assembler = new SmtpReplyAssembler();
            var count = 0;
            while (true)
            {
                var line = await Connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
                if (!assembler.TryAdd(line, out var reply))
                    throw new MailProtocolException(stage,
                        "The server sent a line that is no SMTP reply: " + (line.Length <= 200 ? line : line[..200] + "..."));
                if (reply is not null) return reply;
                session.CountLine(ref count, stage, "one reply (multiline)");
            }
        }
    }
}
