using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class PlanReviewView
{
    public static string Render(PlanReviewOverlay review, ViewLines lines, TuiTheme theme)
    {
        if (review.Export is { } export)
            lines.Add(("export as ", theme.Dim), (export.Format, theme.Focus), (" to ", theme.Dim), (InputText.WithCaret(export.Path), theme.Focus),
                ("  (Tab format, Enter export, Esc cancel)", theme.Dim));
        else if (review.Notice is { } notice)
            lines.Add(notice, notice.StartsWith("export failed", StringComparison.Ordinal) ? theme.Error : theme.Ok);
        else
            lines.Add($"{review.Plan.Steps.Count} steps; nothing has changed yet. a applies, e exports, Esc closes.", theme.Warning);
        foreach (var line in review.Lines.Skip(review.Scroll).Take(lines.Remaining)) lines.Add(line, theme.Normal);
        var end = Math.Min(review.Lines.Count, review.Scroll + lines.Rows - 1);
        return $"Plan review · lines {review.Scroll + 1}-{end} of {review.Lines.Count}";
    }
}
