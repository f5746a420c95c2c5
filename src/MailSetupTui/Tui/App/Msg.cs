using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Core.Preflight;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tui.App;

/// <summary>
/// Everything that can happen to the UI: keys and resizes from the terminal, and results from
/// background work. Only the loop applies them, one at a time, through <see cref="TuiUpdate"/>.
/// </summary>
public abstract record Msg;

public sealed record KeyMsg(KeyPress Key) : Msg;
public sealed record ResizeMsg(int Width, int Height) : Msg;

public sealed record DeviceCodeMsg(string Code, string Url) : Msg;
public sealed record SignedInMsg(string TenantId, string Domain, string Account, IReadOnlyList<string> Roles) : Msg;
public sealed record SignInFailedMsg(string Problem) : Msg;
public sealed record SignedOutMsg : Msg;

public sealed record MailboxesLoadedMsg(IReadOnlyList<MailboxRow> Mailboxes) : Msg;
public sealed record AppsLoadedMsg(IReadOnlyList<ExistingApp> Apps) : Msg;
public sealed record ConsentLoadedMsg(IReadOnlySet<string> Consented) : Msg;

/// <summary>What the adopted app may do in each mailbox read.</summary>
public sealed record MailboxAccessMsg(string AppId, IReadOnlyDictionary<string, MailboxAccess> Access) : Msg;
public sealed record WorkFailedMsg(string What, string Problem) : Msg;

public sealed record PlanReadyMsg(Plan Plan, IReadOnlyList<string> Lines) : Msg;
public sealed record PlanRejectedMsg(IReadOnlyList<string> Problems) : Msg;
public sealed record PlanExportedMsg(string Path) : Msg;

public sealed record ApplyStepMsg(StepEvent Event) : Msg;
public sealed record ApplyFinishedMsg(ApplyResult Result) : Msg;

/// <summary>The apply stopped at its first step, nothing changed: the app name belongs to apps mailsetup did not make.</summary>
public sealed record AppNameTakenMsg(string Name, IReadOnlyList<ForeignApp> Apps) : Msg;

/// <summary>The secret an apply made: held in the App pane until saved or dismissed, never logged.</summary>
public sealed record SecretMsg(string Secret, string Name = "") : Msg
{
    public override string ToString() => "SecretMsg { *** }";
}

public sealed record SecretSavedMsg(string Path) : Msg;

/// <summary>A trace line from background work: the loop keeps it in its <see cref="TraceRing"/>, the state only counts it.</summary>
public sealed record TraceMsg(TraceLine Line) : Msg;
public sealed record ProbeFinishedMsg(ProbeVerdict Verdict) : Msg;
public sealed record TokenRolesMsg(IReadOnlySet<string> InToken) : Msg;
public sealed record DiagnosticsFinishedMsg(string Summary) : Msg;
public sealed record PreflightLinkMsg(PreflightLink Link) : Msg;
