using MailSetup.Core.Execution;

namespace MailSetupTui.Tui.App;

public static partial class TuiUpdate
{
    /// <summary>Results of background work.</summary>
    private static TuiState Work(TuiState state, Msg msg)
    {
        switch (msg)
        {
            case DeviceCodeMsg code:
                return state with { Tenant = state.Tenant with { DeviceCode = (code.Code, code.Url), Status = SignInStatus.SigningIn } };
            case SignedInMsg signedIn:
                return state with
                {
                    Tenant =
                        state.Tenant with { TenantId = signedIn.TenantId, Domain = signedIn.Domain, SignedInAs = signedIn.Account,
                            Roles = signedIn.Roles, Status = SignInStatus.SignedIn, DeviceCode = null },
                    Status = $"signed in to {signedIn.Domain} as {signedIn.Account}",
                };
            case SignedOutMsg:
                return state with
                {
                    Tenant = state.Tenant with { Status = SignInStatus.NotSignedIn, SignedInAs = null, Roles = null, DeviceCode = null },
                    App = state.App with { Existing = null, AdoptedAppId = null, NewSecret = null },
                    Mailboxes = MailboxesModel.Initial,
                    Status = "signed out; r signs in again",
                };
            case SignInFailedMsg failed:
                return state with { Tenant = state.Tenant with { Status = SignInStatus.Failed, Problem = failed.Problem, DeviceCode = null } };
            case MailboxesLoadedMsg loaded:
                return state with { Mailboxes = state.Mailboxes.WithMailboxes(loaded.Mailboxes) };
            case AppsLoadedMsg apps:
                return state with { App = state.App with { Existing = apps.Apps, Cursor = Math.Min(state.App.Cursor, apps.Apps.Count) } };
            case MailboxAccessMsg access when access.AppId == state.App.AdoptedAppId:
                return state with { Mailboxes = state.Mailboxes with { Access = access.Access } };
            case ConsentLoadedMsg consent:
                return state with { Permissions = state.Permissions with { Consented = consent.Consented } };
            case WorkFailedMsg failed:
                return Failed(state, failed);
            case PlanReadyMsg plan:
                return state with { Overlay = new PlanReviewOverlay(plan.Plan, plan.Lines), Status = null };
            case PlanRejectedMsg rejected:
                return state with { Status = "cannot plan: " + string.Join("; ", rejected.Problems) };
            case PlanExportedMsg exported when state.Overlay is PlanReviewOverlay review:
                return state with { Overlay = review with { Notice = $"exported to {exported.Path}" } };
            case ApplyStepMsg step when state.Overlay is ApplyOverlay apply:
                return state with { Overlay = Progress(apply, step.Event) };
            case ApplyFinishedMsg finished when state.Overlay is ApplyOverlay apply:
                return state with
                {
                    Overlay = apply with
                    {
                        Finished = true,
                        Result = finished.Result.Succeeded
                            ? $"Done: {finished.Result.Changed} changed, {finished.Result.Unchanged} unchanged. Enter closes."
                            : $"FAILED: {finished.Result.Failed} step(s) failed; the rest is journaled and a new apply resumes. Enter closes.",
                    },
                    App = (finished.Result.Values.TryGetValue("app.appId", out var appId) ? state.App with { AdoptedAppId = appId } : state.App)
                        is var app && finished.Result.ExistingSecretMade is { } made
                            ? app with { Notice = ExistingSecretNotice(made) }
                            : app,
                };
            case AppNameTakenMsg taken when state.Overlay is ApplyOverlay apply:
                return state with { Overlay = NameTaken(apply, taken) };
            case SecretMsg secret:
                return state with { App = state.App with { NewSecret = secret.Secret, NewSecretName = secret.Name, Notice = null } };
            case SecretSavedMsg saved:
                return state with { App =
                    state.App with { NewSecret = null, Notice = $"secret saved to {saved.Path} (mode 0600) and cleared from the screen" } };
            case ProbeFinishedMsg probe:
                return state with { Diagnostics = state.Diagnostics with { Verdicts = [.. state.Diagnostics.Verdicts ?? [], probe.Verdict] } };
            case TokenRolesMsg roles:
                return state with { Permissions = state.Permissions with { InToken = roles.InToken } };
            case PreflightLinkMsg link:
                return state with { Diagnostics = state.Diagnostics with { Preflight = [.. state.Diagnostics.Preflight ?? [], link.Link] } };
            case DiagnosticsFinishedMsg done:
                return state with { Diagnostics = state.Diagnostics with { Running = false, Status = done.Summary } };
            default:
                return state;
        }
    }

    private static TuiState Failed(TuiState state, WorkFailedMsg failed) => failed.What switch
    {
        "apply" when state.Overlay is ApplyOverlay apply =>
            state with { Overlay = apply with { Finished = true, Result = "FAILED: " + failed.Problem + " Enter closes." } },
        "export" when state.Overlay is PlanReviewOverlay review =>
            state with { Overlay = review with { Notice = "export failed: " + failed.Problem } },
        // Shown in the status line too: the pane's own status shows only while a run is going.
        "diagnostics" =>
            state with { Diagnostics = state.Diagnostics with { Running = false, Status = "failed: " + failed.Problem },
                Status = "diagnostics failed: " + failed.Problem },
        "secret" => state with { App = state.App with { Notice = "not saved: " + failed.Problem } },
        "sign-in" => state with { Tenant = state.Tenant with { Status = SignInStatus.Failed, Problem = failed.Problem, DeviceCode = null } },
        _ => state with { Status = $"{failed.What} failed: {failed.Problem}" },
    };

    /// <summary>The stop before any change: the apps that have the name, numbered for adoption.</summary>
    private static ApplyOverlay NameTaken(ApplyOverlay apply, AppNameTakenMsg taken)
    {
        var listed = taken.Apps.Take(9).ToList();
        var stopped = apply with
        {
            Finished = true,
            Taken = listed,
            Result = "STOPPED before any change: the app name is taken.",
        };
        stopped = stopped.WithLog($"'{taken.Name}' is the name of {listed.Count} app(s) that mailsetup did not make:");
        foreach (var (app, number) in listed.Select((a, i) => (a, i + 1)))
        {
            var created = app.Created?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(unknown)";
            stopped = stopped.WithLog($"  {number}. client id {app.AppId}, created {created}");
        }
        stopped = stopped.WithLog("Its number adopts that app (its permissions are kept) and reviews the plan;");
        stopped = stopped.WithLog("Enter closes, to choose another name in the App pane.");
        return stopped;
    }

    private static ApplyOverlay Progress(ApplyOverlay apply, StepEvent step) => step switch
    {
        StepEvent.Started started => apply with { Current = $"[{started.Number}/{started.Total}] {started.Step.Title}" },
        StepEvent.Retrying retry =>
            apply.WithLog($"[{retry.Number}/{retry.Total}] retry {retry.Attempt} in {retry.Delay.TotalSeconds:0.#} s: {retry.Reason}"),
        StepEvent.Finished finished =>
            apply.WithLog(
                $"[{finished.Number}/{finished.Total}] {Outcome(finished.Outcome),-9} {finished.Step.Title}" +
                    (finished.Detail is { } detail ? $" ({detail})" : "")) with
        {
            Done = apply.Done + 1,
            Changed = apply.Changed + (finished.Outcome == StepOutcome.Changed ? 1 : 0),
            Unchanged = apply.Unchanged + (finished.Outcome is StepOutcome.Unchanged or StepOutcome.Read or StepOutcome.Resumed ? 1 : 0),
            Failed = apply.Failed + (finished.Outcome == StepOutcome.Failed ? 1 : 0),
        },
        _ => apply,
    };

    private static string Outcome(StepOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>A re-run made no secret because the app has the plan's one: said once, where the new secret would show.</summary>
    private static string ExistingSecretNotice(DateTimeOffset made) =>
        (made == DateTimeOffset.MinValue
            ? "a secret made earlier"
            : "a secret made on " + made.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
        + " exists; none created (the app keeps using it)";
}
