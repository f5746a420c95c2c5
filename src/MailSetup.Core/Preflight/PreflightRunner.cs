using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Setup;

namespace MailSetup.Core.Preflight;

/// <summary>
/// Walks the chain from app to working login and stops at the first broken link: the setup read
/// live (<see cref="SetupLinks"/>), then a token by the app's own credential and whether it carries
/// the role, then a real login per protocol. What comes after a broken link is marked not checked,
/// so the admin fixes one thing at a time, in the order that matters.
/// </summary>
public sealed class PreflightRunner(MailAppSetupReader reader, TimeProvider clock)
{
    /// <param name="acquireToken">Gets the app's token; null when no app credential was given (the token and login links are then not
    /// checked).</param>
    /// <param name="login">Tries one protocol's login with the token.</param>
    /// <param name="progress">Each link as soon as it is judged (the CLI prints it, the TUI ticks it).</param>
    public async Task<PreflightReport> RunAsync(
        string appId, string mailbox, IReadOnlyList<MailProtocol> protocols,
        Func<CancellationToken, Task<MailToken>>? acquireToken,
        Func<MailProtocol, string, CancellationToken, Task<MailProbeResult>> login,
        Action<PreflightLink>? progress, CancellationToken cancellationToken)
    {
        var links = new List<PreflightLink>();
        void Add(PreflightLink link)
        {
            links.Add(link);
            progress?.Invoke(link);
        }

        var setup = await reader.ReadAsync(appId, mailbox, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var link in SetupLinks.Judge(setup, protocols, now))
        {
            Add(link);
            if (link.Status == PreflightStatus.Failed) return Finish();
        }

        if (acquireToken is null)
        {
            Add(
                PreflightLink.Skip("token", PreflightTitles.Of("token"),
                    "no app credential given (--secret-file, --certificate-path, or AZURE_CLIENT_SECRET)"));
            foreach (var protocol in protocols) Add(PreflightLink.Skip(LoginKey(protocol), LoginTitle(protocol), "needs a token"));
            return Finish();
        }

        var (tokenLink, token) = await TokenAsync(setup, protocols, acquireToken, now, cancellationToken).ConfigureAwait(false);
        Add(tokenLink);
        if (token is null) return Finish();

        foreach (var protocol in protocols.Distinct().Order())
        {
            var result = await login(protocol, token.AccessToken, cancellationToken).ConfigureAwait(false);
            Add(Login(setup, protocol, result, token, clock.GetUtcNow()));
            if (!result.Succeeded) return Finish();
        }
        return Finish();

        PreflightReport Finish() => new(appId, mailbox, Completed(links, protocols));
    }

    private static async Task<(PreflightLink Link, MailToken? Token)> TokenAsync(MailAppSetup setup, IReadOnlyList<MailProtocol> protocols,
        Func<CancellationToken, Task<MailToken>> acquireToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var title = PreflightTitles.Of("token");
        MailToken token;
        try
        {
            token = await acquireToken(cancellationToken).ConfigureAwait(false);
        }
        catch (MailTokenException e)
        {
            var finding = new Diagnostician().Diagnose(setup.Facts(now) with { ErrorText = e.ErrorText }).FirstOrDefault();
            return (PreflightLink.Fail("token", title, e.ErrorText, finding?.Fix ?? "Check the tenant, client id and credential."), null);
        }

        if (!JwtClaims.TryDecode(token.AccessToken, out var claims))
            return (PreflightLink.Fail("token", title, "the token is not a JWT",
                "Ask for the token with the scope " + string.Join(' ', token.Scopes)), null);
        foreach (var protocol in protocols.Distinct().Order())
        {
            var problem = new Diagnostician(Diagnostician.TokenRules())
                .Diagnose(setup.Facts(now, protocol) with { Token = claims, Setup = null })
                .FirstOrDefault(f => f.Severity == FindingSeverity.Error);
            if (problem is not null) return (PreflightLink.Fail("token", title, problem.Evidence, problem.Fix), null);
        }
        var carried = claims.Roles.Count > 0 ? "roles " + string.Join(", ", claims.Roles.Order()) : "scp " + string.Join(' ', claims.Scopes);
        return (PreflightLink.Pass("token", title, $"aud {claims.Audience}, {carried}, expires {claims.ExpiresOn:u}"), token);
    }

    private static PreflightLink Login(MailAppSetup setup, MailProtocol protocol, MailProbeResult result, MailToken token, DateTimeOffset now)
    {
        if (result.Succeeded) return PreflightLink.Pass(LoginKey(protocol), LoginTitle(protocol), result.FinalAnswer ?? "authenticated");
        var facts =
            ProbeFacts.From(result, now, setup.Mailbox?.Address ?? setup.RequestedMailbox ?? "", null,
                JwtClaims.TryDecode(token.AccessToken, out var claims) ? claims : null, setup);
        var finding = new Diagnostician().Diagnose(facts).FirstOrDefault();
        return PreflightLink.Fail(LoginKey(protocol), LoginTitle(protocol), result.FinalAnswer ?? result.Failure ?? "the login failed",
            finding is null ? "Run mailsetup diagnose for the whole conversation." : $"{finding.Cause} Fix: {finding.Fix}");
    }

    /// <summary>Every link of the chain, with those never reached marked not checked.</summary>
    private static List<PreflightLink> Completed(List<PreflightLink> links, IReadOnlyList<MailProtocol> protocols)
    {
        if (links.All(l => l.Status != PreflightStatus.Failed)) return links;
        var all = new List<string> { "app", "enterprise-app", "credential", "consent", "exchange-registration", "mailbox" };
        all.Add("mailbox-permission");
        all.AddRange(protocols.Distinct().Order().Select(p => "protocol-" + p.ToString().ToLowerInvariant()));
        all.Add("token");
        all.AddRange(protocols.Distinct().Order().Select(LoginKey));
        var result = new List<PreflightLink>(links);
        foreach (var key in all.Where(k => links.All(l => l.Key != k)))
            result.Add(PreflightLink.Skip(key, PreflightTitles.Of(key), "not checked: an earlier link is broken"));
        return result;
    }

    private static string LoginKey(MailProtocol protocol) => "login-" + protocol.ToString().ToLowerInvariant();
    private static string LoginTitle(MailProtocol protocol) => PreflightTitles.Of(LoginKey(protocol));
}
