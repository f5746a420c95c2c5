using System.Globalization;
using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// IMAP4rev1 login probe: greeting, CAPABILITY, STARTTLS when asked, AUTHENTICATE (SASL-IR when
/// advertised, else continuation), then LIST and EXAMINE INBOX to show the mailbox is usable, and LOGOUT.
/// A login counts only when those two commands work too: Exchange accepts a valid token for a mailbox it
/// will not open and says so only to the next command.
/// </summary>
public sealed partial class ImapProbe : MailProbe
{
    public override MailProtocol Protocol => MailProtocol.Imap;

    private static readonly string[] AfterLogin = ["LIST \"\" \"%\"", "EXAMINE INBOX"];

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var dialogue = new Dialogue(session);
        var greeting = await dialogue.ReadAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
        if (!greeting.IsUntagged || greeting.Status is not ("OK" or "PREAUTH" or "BYE"))
            throw new MailProtocolException(TraceStage.Greeting,
                "The server's greeting is not an IMAP greeting (* OK, * PREAUTH or * BYE): " + greeting.Line);
        if (greeting.Status is "BYE")
        {
            session.FinalAnswer = greeting.Line;
            return;
        }
        var capabilities = greeting.Capabilities ?? await dialogue.CapabilityAsync(cancellationToken).ConfigureAwait(false);

        if (session.Request.Tls == TlsMode.StartTls)
        {
            var started = await dialogue.CommandAsync(TraceStage.Tls, "STARTTLS", cancellationToken).ConfigureAwait(false);
            if (started.Status != "OK")
            {
                session.RefuseStartTls("STARTTLS", started.Line);
                return;
            }
            await session.Connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            // Capabilities learnt before TLS cannot be trusted (RFC 3501 6.2.1).
            capabilities = await dialogue.CapabilityAsync(cancellationToken).ConfigureAwait(false);
        }

        var answer =
            await dialogue.AuthenticateAsync(capabilities.Contains("SASL-IR", StringComparer.OrdinalIgnoreCase), cancellationToken)
                .ConfigureAwait(false);
        session.FinalAnswer = answer.Line;
        if (answer.Status == "BYE") return;
        session.AuthenticationAccepted = answer.Status == "OK";

        if (session.AuthenticationAccepted)
        {
            foreach (var command in AfterLogin)
            {
                var reply = await dialogue.CommandAsync(TraceStage.Command, command, cancellationToken).ConfigureAwait(false);
                if (reply.Status == "OK") continue;
                var verb = command.Split(' ')[0];
                session.RefuseAfterLogin(reply.Line, reply.Status == "BYE"
                    ? $"The server accepted the login, then ended the session during {verb}."
                    : $"The server accepted the login, then refused {verb} ({reply.Status}).");
                // After a BYE the server closes the connection: there is nobody left to say goodbye to.
                if (reply.Status == "BYE") return;
                break;
            }
            session.Authenticated = session.FailureKind is null;
        }
        await session.GoodbyeAsync(() => dialogue.CommandAsync(TraceStage.Command, "LOGOUT", cancellationToken, untagged =>
        {
            // The BYE that answers LOGOUT is normal; one that says the session was invalidated (Exchange's expired
            // token) means the login did not hold, whenever it arrives.
            if (session.Authenticated && untagged.Status == "BYE"
                && untagged.Line.Contains("Session invalidated", StringComparison.OrdinalIgnoreCase))
                session.RefuseAfterLogin(untagged.Line, "The server invalidated the session (it said so at LOGOUT).");
        })).ConfigureAwait(false);
    }

    private static int MaxResponseLength(ProbeSession session) => (int)Math.Min(int.MaxValue / 2, session.Request.Options.MaxLineLength * 16L);

    [GeneratedRegex(@"\{(\d+)\+?\}$")]
    private static partial Regex Literal();

    /// <summary>One IMAP conversation: tag numbering and response reading with literals.</summary>
    private sealed class Dialogue(ProbeSession session)
    {
        private int _tag;

        private string NextTag() => "A" + (++_tag).ToString(CultureInfo.InvariantCulture);

        public async Task<ImapResponse> ReadAsync(TraceStage stage, CancellationToken cancellationToken)
        {
            var line = await session.Connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
            // A line ending in {n} announces n raw bytes, after which the same response continues.
            var literals = 0;
            for (var match = Literal().Match(line); match.Success; match = Literal().Match(line))
            {
                session.CountLine(ref literals, stage, "one response (literals)");
                if (!long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                    throw new MailProtocolException(stage, $"The server announced a literal of {match.Groups[1].Value} bytes, over any limit.");
                await session.Connection.ReadBytesAsync(stage, size, cancellationToken).ConfigureAwait(false);
                line =
                    line[..match.Index] + $"<literal {size}>" +
                        await session.Connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
                // Each piece is within the line limit; the response they make up must stay within reason too.
                if (line.Length > MaxResponseLength(session))
                    throw new MailProtocolException(stage,
                        $"The server sent a response longer than {MaxResponseLength(session)} characters (lines joined by literals).");
            }
            var response = new ImapResponse(line);
            if (!response.IsWellFormed)
                throw new MailProtocolException(stage,
                    "The server sent a line that is no IMAP response (neither '*', '+' nor a tag): " + Shorten(line));
            return response;
        }

        /// <summary>Sends a command and reads until its tagged answer (or a BYE, after which nothing more comes).</summary>
        public async Task<ImapResponse> CommandAsync(TraceStage stage, string command, CancellationToken cancellationToken,
            Action<ImapResponse>? untagged = null)
        {
            var tag = NextTag();
            await session.Connection.WriteLineAsync(stage, $"{tag} {command}", cancellationToken).ConfigureAwait(false);
            return await UntilTaggedAsync(tag, stage, command, command == "LOGOUT", untagged, cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<string>> CapabilityAsync(CancellationToken cancellationToken)
        {
            var tag = NextTag();
            await session.Connection.WriteLineAsync(TraceStage.Greeting, $"{tag} CAPABILITY", cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> capabilities = [];
            var lines = 0;
            while (true)
            {
                var response = await ReadAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
                capabilities = response.Capabilities ?? capabilities;
                if (response.IsTagged(tag)) return capabilities;
                if (response.Status == "BYE") throw new MailProtocolException(TraceStage.Greeting, "The server said BYE: " + response.Line);
                session.CountLine(ref lines, TraceStage.Greeting, "CAPABILITY");
            }
        }

        public async Task<ImapResponse> AuthenticateAsync(bool initialResponse, CancellationToken cancellationToken)
        {
            var tag = NextTag();
            var mechanism = session.Mechanism;
            var command = $"{tag} AUTHENTICATE {mechanism.Name}";
            if (initialResponse)
                await session.Connection.WriteLineAsync(TraceStage.Auth, $"{command} {mechanism.InitialResponse()}", cancellationToken,
                    $"{command} {mechanism.RedactedInitialResponse()}").ConfigureAwait(false);
            else
                await session.Connection.WriteLineAsync(TraceStage.Auth, command, cancellationToken).ConfigureAwait(false);

            var sentInitial = initialResponse;
            var (lines, rounds) = (0, 0);
            while (true)
            {
                var response = await ReadAsync(TraceStage.Auth, cancellationToken).ConfigureAwait(false);
                if (response.IsTagged(tag)) return response;
                if (response.IsUntagged && response.Status == "BYE") return response;
                if (!response.IsContinuation)
                {
                    session.CountLine(ref lines, TraceStage.Auth, "AUTHENTICATE");
                    continue;
                }
                session.CountSaslRound(ref rounds);
                if (!sentInitial)
                {
                    await session.SendInitialResponseAsync(cancellationToken).ConfigureAwait(false);
                    sentInitial = true;
                }
                else if (mechanism.ErrorChallenge is null)
                {
                    await session.AnswerChallengeAsync(response.ContinuationText, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // A second challenge is not part of either mechanism: cancel the exchange as RFC 3501 allows.
                    await session.Connection.WriteLineAsync(TraceStage.Auth, "*", cancellationToken).ConfigureAwait(false);
                }
            }
        }

        private async Task<ImapResponse> UntilTaggedAsync(string tag, TraceStage stage, string command, bool byeExpected,
            Action<ImapResponse>? untagged, CancellationToken cancellationToken)
        {
            var lines = 0;
            while (true)
            {
                var response = await ReadAsync(stage, cancellationToken).ConfigureAwait(false);
                if (response.IsTagged(tag)) return response;
                if (response.IsUntagged) untagged?.Invoke(response);
                if (response.IsUntagged && response.Status == "BYE" && !byeExpected) return response;
                session.CountLine(ref lines, stage, command.Split(' ')[0]);
            }
        }

        private static string Shorten(string line) => line.Length <= 200 ? line : line[..200] + "...";
    }
}
