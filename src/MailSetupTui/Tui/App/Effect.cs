using MailSetup.Core.Catalog;
using MailSetup.Core.Plans;

namespace MailSetupTui.Tui.App;

/// <summary>Work <see cref="TuiUpdate"/> asks for; the runtime does it in the background and answers with messages.</summary>
public abstract record Effect;

public sealed record SignInEffect : Effect;
public sealed record SignOutEffect : Effect;
public sealed record LoadDirectoryEffect : Effect;
public sealed record BuildPlanEffect(SetupRequestInput Input) : Effect;
public sealed record ExportPlanEffect(Plan Plan, string Format, string Path) : Effect;
public sealed record ApplyEffect(Plan Plan) : Effect;
/// <param name="User">For the delegated flows: who signs in (null: the mailbox, or in the sandbox its admin when the mailbox is shared).</param>
public sealed record DiagnoseEffect(IReadOnlyList<MailProtocol> Protocols, string Mailbox, string? AppId,
    MailSetup.Core.Identity.MailTokens.MailTokenFlow Flow = MailSetup.Core.Identity.MailTokens.MailTokenFlow.Secret, string? User = null,
    string? Password = null) : Effect
{
    public override string ToString() =>
        $"DiagnoseEffect {{ {string.Join(',', Protocols)} {Mailbox} {AppId} {Flow} {User} Password = {(Password is null ? "" : "***")} }}";
}
public sealed record PreflightEffect(IReadOnlyList<MailProtocol> Protocols, string Mailbox, string? AppId) : Effect;
public sealed record CancelWorkEffect : Effect;

/// <summary>Read the adopted app's consent and its permissions on the selected mailboxes (for the Permissions and Mailboxes panes).</summary>
public sealed record ReadAppSetupEffect(string AppId, IReadOnlyList<string> Mailboxes) : Effect;

public sealed record SaveSecretEffect(string Secret, string Path) : Effect
{
    public override string ToString() => $"SaveSecretEffect {{ Path = {Path} }}";
}

public sealed record QuitEffect : Effect;
