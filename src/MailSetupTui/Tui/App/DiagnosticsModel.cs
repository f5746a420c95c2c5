using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Preflight;

namespace MailSetupTui.Tui.App;

/// <summary>One protocol's login verdict and what the diagnostician made of it.</summary>
public sealed record ProbeVerdict(MailProtocol Protocol, bool Succeeded, string? FinalAnswer, IReadOnlyList<Finding> Findings);

/// <summary>
/// The Diagnostics pane: which protocols to try, the live trace (follow or scrolled back, searched,
/// filtered by protocol), the verdicts with findings, and the preflight checklist.
/// </summary>
public sealed record DiagnosticsModel(
    IReadOnlySet<MailProtocol> Protocols,
    TraceRing Trace,
    bool Running = false,
    bool Follow = true,
    int ScrollBack = 0,
    TextField? Search = null,
    bool SearchEditing = false,
    MailProtocol? ProtocolFilter = null,
    IReadOnlyList<ProbeVerdict>? Verdicts = null,
    IReadOnlyList<PreflightLink>? Preflight = null,
    string? Status = null)
{
    public static DiagnosticsModel Create(int traceCapacity = 50_000) => new(new HashSet<MailProtocol>([MailProtocol.Imap]), new TraceRing(traceCapacity));
}
