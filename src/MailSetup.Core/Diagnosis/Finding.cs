namespace MailSetup.Core.Diagnosis;

/// <summary>
/// One explained problem (or notable fact): what shows it, why it happens and how to fix it. Plain
/// data so that the TUI, the CLI and exports only render it.
/// </summary>
/// <param name="Code">Stable identifier, e.g. <c>aadsts-7000215</c> or <c>token-graph-audience</c>.</param>
/// <param name="Evidence">The trace line, claim or answer that shows the problem, never a secret.</param>
/// <param name="Fix">The exact cmdlet, Graph call or portal step, with the known ids filled in.</param>
public sealed record Finding(
    string Code,
    FindingSeverity Severity,
    string Evidence,
    string Cause,
    string Fix,
    string? Docs = null);
