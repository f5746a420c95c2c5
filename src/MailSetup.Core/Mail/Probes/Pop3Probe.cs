using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>POP3 login probe: greeting, CAPA, STLS when asked, AUTH with continuation (RFC 5034), STAT, QUIT.</summary>
public sealed class Pop3Probe : MailProbe
{
    public override MailProtocol Protocol => MailProtocol.Pop;

    protected override async Task ConverseAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var greeting = await connection.ReadLineAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false);
        if (!IsOk(greeting))
        {
            session.FinalAnswer = greeting;
            return;
        }
        await CapaAsync(connection, cancellationToken).ConfigureAwait(false);

        if (session.Request.Tls == TlsMode.StartTls)
        {
            var started = await CommandAsync(connection, TraceStage.Tls, "STLS", cancellationToken).ConfigureAwait(false);
            if (!IsOk(started))
            {
                session.FinalAnswer = started;
                return;
            }
            await connection.StartTlsAsync(cancellationToken).ConfigureAwait(false);
            await CapaAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var answer = await AuthenticateAsync(session, cancellationToken).ConfigureAwait(false);
        session.FinalAnswer = answer;
        session.Authenticated = IsOk(answer);
        if (session.Authenticated) await CommandAsync(connection, TraceStage.Command, "STAT", cancellationToken).ConfigureAwait(false);
        await CommandAsync(connection, TraceStage.Command, "QUIT", cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> AuthenticateAsync(ProbeSession session, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        await connection.WriteLineAsync(TraceStage.Auth, "AUTH " + session.Mechanism.Name, cancellationToken).ConfigureAwait(false);
        var sentInitial = false;
        while (true)
        {
            var line = await connection.ReadLineAsync(TraceStage.Auth, cancellationToken).ConfigureAwait(false);
            if (!line.StartsWith('+') || IsOk(line)) return line;
            if (!sentInitial)
            {
                await session.SendInitialResponseAsync(cancellationToken).ConfigureAwait(false);
                sentInitial = true;
            }
            else if (session.Mechanism.ErrorChallenge is null)
            {
                await session.AnswerChallengeAsync(line.Length > 2 ? line[2..] : "", cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // RFC 5034: "*" cancels an exchange that does not end.
                await connection.WriteLineAsync(TraceStage.Auth, "*", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task CapaAsync(MailConnection connection, CancellationToken cancellationToken)
    {
        var first = await CommandAsync(connection, TraceStage.Greeting, "CAPA", cancellationToken).ConfigureAwait(false);
        if (!IsOk(first)) return;
        while (await connection.ReadLineAsync(TraceStage.Greeting, cancellationToken).ConfigureAwait(false) != ".")
        {
        }
    }

    private static async Task<string> CommandAsync(MailConnection connection, TraceStage stage, string command, CancellationToken cancellationToken)
    {
        await connection.WriteLineAsync(stage, command, cancellationToken).ConfigureAwait(false);
        return await connection.ReadLineAsync(stage, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsOk(string line) => line.StartsWith("+OK", StringComparison.OrdinalIgnoreCase);
}
