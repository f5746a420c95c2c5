using MailSetup.App.Workspaces;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Setup;

namespace MailSetup.App.Diagnosis;

/// <summary>What a diagnosis reports as it goes; the CLI prints these, the terminal UI turns them into messages.</summary>
public abstract record DiagnosisEvent;

/// <summary>Entra (or the sandbox's) refused the token: no login is tried, the refusal is the diagnosis.</summary>
public sealed record TokenRefused(string ErrorText, IReadOnlyList<Finding> Findings) : DiagnosisEvent;

/// <summary>The token arrived; <see cref="Claims"/> is null when it is not a JWT (the login is still worth trying).</summary>
public sealed record TokenReceived(JwtClaims? Claims) : DiagnosisEvent;

/// <summary>The app's setup as read live before the logins.</summary>
public sealed record SetupRead(MailAppSetup Setup) : DiagnosisEvent;

public sealed record LoginStarting(MailTarget Target) : DiagnosisEvent;

/// <summary>One event of a login's conversation, already redacted.</summary>
public sealed record LoginTraced(MailTarget Target, TraceEvent Event) : DiagnosisEvent;

public sealed record LoginFinished(DiagnosisRun Run) : DiagnosisEvent;

/// <summary>One protocol's login attempt with what the diagnostician made of it.</summary>
public sealed record DiagnosisRun(MailTarget Target, MailProbeResult Result, IReadOnlyList<Finding> Findings)
{
    public string Name => Target.Name;
}

/// <summary>The whole diagnosis: the logins tried, or the token's refusal when none could be.</summary>
public sealed record DiagnosisReport(IReadOnlyList<DiagnosisRun> Runs, TokenRefused? Refused = null)
{
    public bool Succeeded => Refused is null && Runs.All(r => r.Result.Succeeded);
}
