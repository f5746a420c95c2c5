using MailSetup.App;
using MailSetup.App.Diagnosis;
using MailSetup.Core.Mail.Tracing;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup diagnose</c> at work: opens the <see cref="DiagnoseSource"/>, runs the shared
/// <see cref="DiagnosisRunner"/>, and prints what it reports as it happens (the live trace and each
/// login's findings, or one JSON object at the end), then the trace file and the exit code.
/// </summary>
internal sealed class DiagnoseRunner(ToolServices services)
{
    public async Task<int> RunAsync(DiagnoseSettings settings, CliOutput io, CancellationToken cancellationToken)
    {
        var (output, error, commandPath) = (io.Output, io.Error, io.CommandPath);
        // The trace file is made before any work, so a name that cannot be written stops the run as bad input.
        OutputFile.Reservation? traceFile = null;
        if (settings.TraceOut is { } tracePath)
        {
            try
            {
                traceFile = OutputFile.Reserve(tracePath, settings.ForceTraceOut);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await ErrorReport.UsageAsync(error,
                    [new CliError("--trace-out", $"cannot write {InputFile.Shown(tracePath)}: {FileProblem.Reason(tracePath, e)}.")], commandPath);
            }
        }
        await using var reservedTrace = traceFile;
        await using var source = await DiagnoseSource.OpenAsync(settings, services, error, cancellationToken);
        if (source.Problem is { } problem) return await ErrorReport.UsageAsync(error, [problem], commandPath);
        if (source.Unavailable is { } unavailable) return await ErrorReport.FailureAsync(error, unavailable);

        Func<CancellationToken, Task<string>> token;
        if (await source.TokenFileAsync(cancellationToken) is { } fromFile)
        {
            if (fromFile.Problem is { } input) return await ErrorReport.UsageAsync(error, [input], commandPath);
            token = _ => Task.FromResult(fromFile.Token!);
        }
        else
        {
            if (source.AskPassword(out var password) is { } missing) return await ErrorReport.UsageAsync(error, [missing], commandPath);
            token = async ct => (await source.AcquireAsync(password, ct)).AccessToken;
        }

        var report = await services.Diagnosis.RunAsync(source.Request(), token, e => Print(e, settings, output), cancellationToken);
        if (report.Refused is { } refused)
        {
            await output.WriteAsync(
                settings.Json
                    ? DiagnoseJson.RenderRefused(refused.ErrorText, refused.Findings)
                    : DiagnoseText.RenderRefused(refused.ErrorText, refused.Findings));
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Failure;
        }

        if (settings.Json) await output.WriteAsync(DiagnoseJson.Render(report.Runs));
        await output.FlushAsync(cancellationToken);
        if (settings.TraceOut is { } path && traceFile is not null)
        {
            try
            {
                await traceFile.CommitAsync(DiagnoseTraceFile.Render(report.Runs, path), cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return await ErrorReport.FailureAsync(error,
                    new CliError("--trace-out", $"cannot write {InputFile.Shown(path)}: {FileProblem.Reason(path, e)}."));
            }
        }
        return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Text mode streams: each login's header, its trace the moment each line happens (a hanging server shows while it hangs), its
    /// findings.</summary>
    private static void Print(DiagnosisEvent e, DiagnoseSettings settings, TextWriter output)
    {
        if (settings.Json) return;
        switch (e)
        {
            case LoginStarting starting:
                output.WriteLine($"== {starting.Target.Describe(settings.MechanismName)}");
                break;
            case LoginTraced traced:
                output.WriteLine(TraceExport.Line(traced.Event));
                output.Flush();
                break;
            case LoginFinished finished:
                output.Write(DiagnoseText.Render(finished.Run));
                break;
        }
    }
}
