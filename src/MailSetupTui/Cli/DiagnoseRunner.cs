using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Cli;

/// <summary>
/// Runs the probes of a <c>mailsetup diagnose</c> one after the other, streaming text traces as they
/// happen, then diagnoses each result and writes the findings, the trace file and the exit code.
/// </summary>
internal sealed class DiagnoseRunner(IServiceProvider services)
{
    private TimeProvider Clock => services.GetService<TimeProvider>() ?? TimeProvider.System;
    private TextReader Stdin => services.GetService<CliTerminal>()?.Input ?? Console.In;

    public async Task<int> RunAsync(DiagnoseSettings settings, TextWriter output, TextWriter error, string commandPath, CancellationToken cancellationToken)
    {
        var (token, problem) = await TokenInput.ReadAsync(settings.TokenSource, Stdin, cancellationToken);
        if (problem is not null) return await ErrorReport.UsageAsync(error, [problem with { Subject = "--token-file " + problem.Subject }], commandPath);
        // An opaque token is still worth a login; only the claim checks are skipped.
        var claims = JwtClaims.TryDecode(token!, out var decoded) ? decoded : null;

        var runs = new List<DiagnoseRun>();
        foreach (var target in settings.Targets)
        {
            if (!settings.Json) await output.WriteLineAsync($"== {target.Describe(settings.MechanismName)}");
            var result = await Probe(target.Protocol).RunAsync(Request(settings, target, token!, settings.Json ? null : new DiagnoseTraceWriter(output)), cancellationToken);
            var run = new DiagnoseRun(target, result, new Diagnostician().Diagnose(Facts(settings, target, result, claims)));
            runs.Add(run);
            if (!settings.Json) await output.WriteAsync(DiagnoseText.Render(run));
        }

        if (settings.Json) await output.WriteAsync(DiagnoseJson.Render(runs));
        await output.FlushAsync(cancellationToken);
        if (settings.TraceOut is { } path)
        {
            try
            {
                await File.WriteAllTextAsync(path, DiagnoseTraceFile.Render(runs, path), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await ErrorReport.FailureAsync(error, new CliError("--trace-out", FileProblem.Reason(path, e) + "."));
            }
        }
        return runs.All(r => r.Result.Succeeded) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static MailProbe Probe(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => new ImapProbe(),
        MailProtocol.Pop => new Pop3Probe(),
        _ => new SmtpProbe(),
    };

    private static MailProbeRequest Request(DiagnoseSettings settings, DiagnoseTarget target, string token, ITraceSink? sink) => new()
    {
        Host = target.Host,
        Port = target.Port,
        Tls = target.Tls,
        Mailbox = settings.Mailbox,
        Token = token,
        Mechanism = settings.Mechanism,
        Options = new MailConnectionOptions { TrustedCertificates = settings.TrustedCertificates },
        TraceSink = sink,
    };

    private DiagnosisFacts Facts(DiagnoseSettings settings, DiagnoseTarget target, MailProbeResult result, JwtClaims? claims)
    {
        // The server's side of the login (its answers and the base64 error challenge) is what the answer rules read.
        var answers = result.Trace.Where(e => e.Direction == TraceDirection.Server && e.Stage == TraceStage.Auth).Select(e => e.Text).ToList();
        if (result.FinalAnswer is { } final && !answers.Contains(final)) answers.Add(final);
        return new DiagnosisFacts(Clock.GetUtcNow(), Mailbox: settings.Mailbox, Cloud: settings.Cloud,
            Protocol: Enum.Parse<LoginProtocol>(target.Protocol.ToString()), ServerAnswers: answers, Token: claims, Probe: result);
    }
}
