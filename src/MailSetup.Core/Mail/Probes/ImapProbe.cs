using System.Globalization;
using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// IMAP4rev1 login probe: greeting, CAPABILITY, STARTTLS when asked, AUTHENTICATE (SASL-IR when
/// advertised, else continuation), then LIST and EXAMINE INBOX to show the mailbox is usable, and LOGOUT.
/// </summary>
public sealed partial class ImapProbe : MailProbe
{
    public override MailProtocol Protocol => MailProtocol.Imap;

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var dialogue = new Dialogue(session);
        var greeting = await dialogue.ReadAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
        if (greeting.Status is "BYE" || !greeting.IsUntagged)
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
                session.FinalAnswer = started.Line;
                return;
            }
            await session.Connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            // Capabilities learnt before TLS cannot be trusted (RFC 3501 6.2.1).
            capabilities = await dialogue.CapabilityAsync(cancellationToken).ConfigureAwait(false);
        }

        var answer = await dialogue.AuthenticateAsync(capabilities.Contains("SASL-IR", StringComparer.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
        session.FinalAnswer = answer.Line;
        session.Authenticated = answer.Status == "OK";
        if (answer.Status == "BYE") return;

        if (session.Authenticated)
        {
            await dialogue.CommandAsync(TraceStage.Command, "LIST \"\" \"*\"", cancellationToken).ConfigureAwait(false);
            await dialogue.CommandAsync(TraceStage.Command, "EXAMINE INBOX", cancellationToken).ConfigureAwait(false);
        }
        await dialogue.CommandAsync(TraceStage.Command, "LOGOUT", cancellationToken).ConfigureAwait(false);
    }

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
            for (var match = Literal().Match(line); match.Success; match = Literal().Match(line))
            {
                var size = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                await session.Connection.ReadBytesAsync(stage, size, cancellationToken).ConfigureAwait(false);
                line = line[..match.Index] + $"<literal {size}>" + await session.Connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
            }
            return new ImapResponse(line);
        }

        /// <summary>Sends a command and reads until its tagged answer (or a BYE, after which nothing more comes).</summary>
        public async Task<ImapResponse> CommandAsync(TraceStage stage, string command, CancellationToken cancellationToken)
        {
            var tag = NextTag();
            await session.Connection.WriteLineAsync(stage, $"{tag} {command}", cancellationToken).ConfigureAwait(false);
            return await UntilTaggedAsync(tag, stage, command == "LOGOUT", cancellationToken).ConfigureAwait(false);
        }

        public async Task<IReadOnlyList<string>> CapabilityAsync(CancellationToken cancellationToken)
        {
            var tag = NextTag();
            await session.Connection.WriteLineAsync(TraceStage.Greeting, $"{tag} CAPABILITY", cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> capabilities = [];
            while (true)
            {
                var response = await ReadAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
                capabilities = response.Capabilities ?? capabilities;
                if (response.IsTagged(tag)) return capabilities;
                if (response.Status == "BYE") throw new MailProtocolException(TraceStage.Greeting, "The server said BYE: " + response.Line);
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
            while (true)
            {
                var response = await ReadAsync(TraceStage.Auth, cancellationToken).ConfigureAwait(false);
                if (response.IsTagged(tag)) return response;
                if (response.IsUntagged && response.Status == "BYE") return response;
                if (!response.IsContinuation) continue;
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

        private async Task<ImapResponse> UntilTaggedAsync(string tag, TraceStage stage, bool byeExpected, CancellationToken cancellationToken)
        {
            while (true)
            {
                var response = await ReadAsync(stage, cancellationToken).ConfigureAwait(false);
                if (response.IsTagged(tag)) return response;
                if (response.IsUntagged && response.Status == "BYE" && !byeExpected) return response;
            }
        }
    }
}
