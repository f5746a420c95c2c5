using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class ApplyView
{
    public static string Render(ApplyOverlay apply, ViewLines lines, TuiTheme theme)
    {
        var width = Math.Max(10, Math.Min(50, lines.Width - 30));
        var filled = apply.Total == 0 ? 0 : apply.Done * width / apply.Total;
        var bar = theme.Ascii
            ? new string('#', filled) + new string('-', width - filled)
            : new string('█', filled) + new string('░', width - filled);
        lines.Add((bar + $" {apply.Done}/{apply.Total}", apply.Failed > 0 ? theme.Error : theme.Ok));
        lines.Add(($"changed {apply.Changed}  unchanged {apply.Unchanged}  ", theme.Normal),
            ($"failed {apply.Failed}", apply.Failed > 0 ? theme.Error : theme.Normal));
        lines.Add(apply.Finished ? apply.Result ?? "" : apply.Current ?? "starting...",
            apply.Finished
                ? (apply.Failed > 0 || apply.Taken is not null || apply.Result?.StartsWith("FAILED", StringComparison.Ordinal) == true
                    ? theme.Error
                    : theme.Ok)
                : theme.Title);
        lines.Blank();
        var log = apply.Log ?? [];
        foreach (var line in log.Skip(
            Math.Max(0, log.Count - lines.Remaining))) lines.Add(line, line.Contains(" failed ", StringComparison.Ordinal) ? theme.Error : theme.Dim);
        return apply.Finished ? "Apply · finished" : "Apply · running";
    }
}
