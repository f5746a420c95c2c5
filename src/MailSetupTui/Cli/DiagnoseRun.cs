using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Probes;

namespace MailSetupTui.Cli;

/// <summary>One protocol's login attempt with what the diagnostician made of it.</summary>
internal sealed record DiagnoseRun(DiagnoseTarget Target, MailProbeResult Result, IReadOnlyList<Finding> Findings)
{
    public string Name => Target.Protocol.ToString().ToLowerInvariant();
}
