using System.Text;
using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// The protocol-neutral middle of a bearer login: take the initial response or ask for it with the
/// protocol's continuation (<c>+ </c> or <c>334 </c>), decode it, let the gate decide, and for a
/// refused OAUTHBEARER run RFC 7628's error round (JSON challenge, client's ^A) before the failure.
/// XOAUTH2 failures get no such round: Exchange answers them with the failure line at once.
/// </summary>
internal static class SaslConversation
{
    private static readonly string ErrorChallenge =
        Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"status\":\"invalid_token\",\"schemes\":\"bearer\"}"));

    /// <summary>The decision, or null when the client cancelled (<c>*</c>) or went away.</summary>
    public static async Task<MailLoginDecision?> RunAsync(
        MailLineChannel channel, MailServerContext context, MailProtocol protocol, string mechanism, string? initialResponse,
        string continuation, CancellationToken cancellationToken)
    {
        var response = initialResponse;
        if (response is null)
        {
            await channel.WriteLineAsync(continuation, cancellationToken).ConfigureAwait(false);
            response = await channel.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (response is null || response.Trim() == "*") return null;
        }
        var decision = SaslLogin.TryParse(mechanism, response == "=" ? "" : response, out var login, out var reason)
            ? context.Gate.Decide(protocol, login)
            : context.Gate.RecordMalformed(protocol, mechanism, reason);

        if (!decision.LoggedIn && mechanism.Equals(SaslLogin.OAuthBearer, StringComparison.OrdinalIgnoreCase))
        {
            await channel.WriteLineAsync(continuation + ErrorChallenge, cancellationToken).ConfigureAwait(false);
            // The client's answer (a single ^A, or * to cancel) changes nothing: the failure follows either way.
            if (await channel.ReadLineAsync(cancellationToken).ConfigureAwait(false) is null) return null;
        }
        return decision;
    }
}
