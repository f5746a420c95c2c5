using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.App.Diagnosis;

/// <summary>
/// A mail-login diagnosis, the same for the CLI and the terminal UI: the token (or Entra's refusal,
/// explained), the setup read live where it can be, then one traced login per target, each explained
/// by the <see cref="Diagnostician"/>. Shaped like the preflight runner: it reports each step as an
/// event the moment it happens and returns the whole at the end.
/// </summary>
public sealed class DiagnosisRunner(TimeProvider clock)
{
    /// <param name="token">Gets the access token; throws <see cref="MailTokenException"/> when Entra refuses.</param>
    public async Task<DiagnosisReport> RunAsync(DiagnosisRequest request, Func<CancellationToken, Task<string>> token,
        Action<DiagnosisEvent> report, CancellationToken cancellationToken)
    {
        string accessToken;
        try
        {
            accessToken = await token(cancellationToken);
        }
        catch (MailTokenException e)
        {
            var facts =
                new DiagnosisFacts(clock.GetUtcNow(), AppId: request.AppId, Mailbox: request.Mailbox, Tenant: request.Tenant, Cloud: request.Cloud,
                    ErrorText: e.ErrorText);
            var refused = new TokenRefused(e.ErrorText, new Diagnostician().Diagnose(facts));
            report(refused);
            return new DiagnosisReport([], refused);
        }

        // An opaque token is still worth a login; only the claim checks are skipped.
        var claims = JwtClaims.TryDecode(accessToken, out var decoded) ? decoded : null;
        report(new TokenReceived(claims));
        var setup = request.SetupReader is { } reader && request.AppId is { } appId
            ? await reader.ReadAsync(appId, request.Mailbox, cancellationToken)
            : null;
        if (setup is not null) report(new SetupRead(setup));

        var runs = new List<DiagnosisRun>();
        foreach (var target in request.Targets)
        {
            report(new LoginStarting(target));
            var sink = new ReportingSink(e => report(new LoginTraced(target, e)));
            var result = await MailProbe.For(target.Protocol).RunAsync(request.Login(target, accessToken, sink), cancellationToken);
            var findings = new Diagnostician().Diagnose(ProbeFacts.From(result, clock.GetUtcNow(), request.Mailbox, request.Cloud, claims, setup));
            var run = new DiagnosisRun(target, result, findings);
            runs.Add(run);
            report(new LoginFinished(run));
        }
        return new DiagnosisReport(runs);
    }

    private sealed class ReportingSink(Action<TraceEvent> report) : ITraceSink
    {
        public void OnEvent(TraceEvent traceEvent) => report(traceEvent);
    }
}
