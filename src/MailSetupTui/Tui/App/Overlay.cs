using MailSetup.Core.Plans;

namespace MailSetupTui.Tui.App;

/// <summary>A dialog over the panes; while one is open it gets the keys.</summary>
public abstract record Overlay;

/// <summary>Every key binding, scrollable.</summary>
public sealed record HelpOverlay(int Scroll = 0) : Overlay;

/// <summary>
/// Quit while work runs, or while a new secret is shown and not saved (<see cref="UnsavedSecret"/> names it)? Only y quits (the work is
/// cancelled, the secret is lost); n, Enter or Esc stays.
/// </summary>
public sealed record ConfirmQuitOverlay(string? Running, string? UnsavedSecret = null) : Overlay;

/// <summary>
/// The plan review: the plan's text rendering, scrollable; <c>a</c> applies, <c>e</c> exports.
/// <see cref="Export"/> is the open export prompt: a format (cycled with Tab) and a file name.
/// </summary>
public sealed record PlanReviewOverlay(Plan Plan, IReadOnlyList<string> Lines, int Scroll = 0, PlanExport? Export = null,
    string? Notice = null) : Overlay;

public sealed record PlanExport(int FormatIndex, TextInput Path)
{
    public static IReadOnlyList<string> Formats { get; } = ["text", "json", "http", "powershell"];
    public string Format => Formats[FormatIndex];
}

/// <summary>
/// The apply view: progress (steps, counts, errors) while the plan runs, then the result. <see cref="Taken"/> lists the apps of the
/// plan's name that mailsetup did not make, when the run stopped for them: each can be adopted by its number.
/// </summary>
public sealed record ApplyOverlay(
    int Total,
    int Done = 0,
    int Changed = 0,
    int Unchanged = 0,
    int Failed = 0,
    string? Current = null,
    IReadOnlyList<string>? Log = null,
    bool Finished = false,
    string? Result = null,
    IReadOnlyList<MailSetup.Core.Execution.ForeignApp>? Taken = null) : Overlay
{
    public const int LogLimit = 500;

    public ApplyOverlay WithLog(string line)
    {
        var log = (Log ?? []).Append(line);
        return this with { Log = log.Skip(Math.Max(0, (Log?.Count ?? 0) + 1 - LogLimit)).ToList() };
    }
}
