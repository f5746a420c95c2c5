using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Cli;

/// <summary>
/// Runs the probes of a <c>mailsetup diagnose</c> one after the other, streaming text traces as they
/// happen, then diagnoses each result and writes the findings, the trace file and the exit code.
/// Where the token and the servers come from is <see cref="DiagnoseSource"/>'s business.
/// </summary>
internal sealed class DiagnoseRunner(IServiceProvider services)
{
    private TimeProvider Clock => services.GetService<TimeProvider>() ?? TimeProvider.System;

    public async Task<int> RunAsync(DiagnoseSettings settings, TextWriter output, TextWriter error, string commandPath, CancellationToken cancellationToken)
    {
        await using var source = await DiagnoseSource.OpenAsync(settings, services, error, cancellationToken);
        if (source.Problem is { } problem) return await ErrorReport.UsageAsync(error, [problem], commandPath);
        if (source.Unavailable is { } unavailable) return await ErrorReport.FailureAsync(error, unavailable);

        var token = await source.TokenAsync(cancellationToken);
        if (token.Problem is { } input) return await ErrorReport.UsageAsync(error, [input], commandPath);
        if (token.Refused is { } refused) return await ReportRefusedAsync(settings, source, refused, output, cancellationToken);

        // An opaque token is still worth a login; only the claim checks are skipped.
        var claims = JwtClaims.TryDecode(token.Token!, out var decoded) ? decoded : null;
        var setup = await source.SetupAsync(cancellationToken);

        var runs = new List<DiagnoseRun>();
        foreach (var target in source.Targets)
        {
            if (!settings.Json) await output.WriteLineAsync($"== {target.Describe(settings.MechanismName)}");
            var result = await MailProbe.For(target.Protocol).RunAsync(source.Request(target, token.Token!, settings.Json ? null : new DiagnoseTraceWriter(output)), cancellationToken);
            var facts = ProbeFacts.From(result, Clock.GetUtcNow(), settings.Mailbox, settings.Cloud, claims, setup);
            var run = new DiagnoseRun(target, result, new Diagnostician().Diagnose(facts));
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

    /// <summary>No token, so no login: Entra's refusal is the whole diagnosis.</summary>
    private async Task<int> ReportRefusedAsync(DiagnoseSettings settings, DiagnoseSource source, MailTokenException refused, TextWriter output, CancellationToken cancellationToken)
    {
        var facts = new DiagnosisFacts(Clock.GetUtcNow(), AppId: source.AppId, Mailbox: settings.Mailbox, Tenant: source.Tenant, Cloud: settings.Cloud, ErrorText: refused.ErrorText);
        var findings = new Diagnostician().Diagnose(facts);
        await output.WriteAsync(settings.Json ? DiagnoseJson.RenderRefused(refused.ErrorText, findings) : DiagnoseText.RenderRefused(refused.ErrorText, findings));
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Failure;
    }
}
