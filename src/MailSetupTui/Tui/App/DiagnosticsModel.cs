using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Preflight;

namespace MailSetupTui.Tui.App;

/// <summary>One protocol's login verdict and what the diagnostician made of it.</summary>
public sealed record ProbeVerdict(MailProtocol Protocol, bool Succeeded, string? FinalAnswer, IReadOnlyList<Finding> Findings);

/// <summary>
/// The Diagnostics pane: which protocols to try, the live trace (follow or scrolled back, searched,
/// filtered by protocol; its lines are in the loop's <see cref="TraceRing"/>, the state only counts
/// them), the verdicts with findings, and the preflight checklist. <see cref="Editing"/> is the
/// input that has the keys: the search, who signs in, or the password.
/// </summary>
public sealed record DiagnosticsModel(
    IReadOnlySet<MailProtocol> Protocols,
    TraceWindow Trace = default,
    bool Running = false,
    bool Follow = true,
    int ScrollBack = 0,
    TextInput? Search = null,
    MailProtocol? ProtocolFilter = null,
    IReadOnlyList<ProbeVerdict>? Verdicts = null,
    IReadOnlyList<PreflightLink>? Preflight = null,
    string? Status = null,
    MailTokenFlow Auth = MailTokenFlow.Secret,
    TextInput? User = null,
    TextInput? Password = null,
    InputField? Editing = null)
{
    /// <summary>The flows the pane offers, in the order <c>a</c> cycles them (a certificate needs a file: the CLI has it).</summary>
    public static IReadOnlyList<MailTokenFlow> Flows { get; } = [MailTokenFlow.Secret, MailTokenFlow.Device, MailTokenFlow.Ropc];

    public bool Delegated => Auth != MailTokenFlow.Secret;

    /// <summary>Never shows the password.</summary>
    public override string ToString() => $"DiagnosticsModel {{ Auth = {Auth}, User = {User?.Text}, Running = {Running}, Lines = {Trace.Count} }}";

    public static DiagnosticsModel Create() => new(new HashSet<MailProtocol>([MailProtocol.Imap]));
}
