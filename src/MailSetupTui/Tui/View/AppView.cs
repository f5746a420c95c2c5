using MailSetup.Core.Diagnosis;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class AppView
{
    public static string Render(AppModel app, ViewLines lines, TuiTheme theme, DateTimeOffset now)
    {
        if (app.NewSecret is { } secret)
        {
            lines.Add("New client secret (shown once; it cannot be read again later):", theme.Warning);
            lines.Add(("  " + secret, theme.Title));
            if (app is { Editing: InputField.SecretPath, SavePath: { } path }) lines.Add(("  save to: ", theme.Dim),
                (InputText.WithCaret(path), theme.Focus), ("  (Enter saves with mode 0600, Esc cancels)", theme.Dim));
            else lines.Add("  s saves it to a file (mode 0600), d dismisses it", theme.Dim);
            lines.Blank();
        }
        if (app.Notice is { } notice) lines.Add(notice, notice.StartsWith("not saved", StringComparison.Ordinal) ? theme.Error : theme.Ok).Blank();

        lines.Add(app.Cursor == 0 ? theme.Focus : theme.Normal,
            (app.Cursor == 0 ? "› " : "  ") + (app.AdoptedAppId is null ? "(•) " : "( ) ") + "create a new app named \"" +
                (app.Editing == InputField.AppName ? InputText.WithCaret(app.Name) : app.Name.Text) + "\"");
        if (app.Editing == InputField.AppName) lines.Add("    type the name; Enter or Esc when done", theme.Dim);
        var filtering = app.Editing == InputField.AppFilter;
        if (app.Filter is { } filter) lines.Add(
            ("  /" + (filtering ? InputText.WithCaret(filter) : filter.Text), filtering ? theme.Focus : theme.Dim),
            ($"  {app.Visible.Count} of {app.Existing?.Count ?? 0} apps", theme.Dim));
        if (app.Existing is null) lines.Add("  reading the tenant's app registrations...", theme.Dim);
        else if (app.Existing.Count == 0) lines.Add("  no app registrations in this tenant yet", theme.Dim);
        var rows = Math.Max(1, lines.Remaining - 2);
        var first = Math.Clamp(app.Cursor - rows, 0, Math.Max(0, app.Visible.Count - rows));
        foreach (var (existing, index) in app.Visible.Select((a, i) => (a, i + 1)).Skip(first).Take(rows))
        {
            var mark = (index == app.Cursor ? "› " : "  ") + (app.AdoptedAppId == existing.AppId ? "(•) " : "( ) ");
            var expiry = existing.Credentials.Count == 0 ? "no secret or certificate" : Expiry(existing.Credentials.Max(c => c.EndsOn), now);
            var style = index == app.Cursor ? theme.Focus : theme.Normal;
            var warn = existing.Credentials.Count > 0 && existing.Credentials.Max(c => c.EndsOn) - now < SetupStateRule.SecretWarning;
            lines.Add((mark + "adopt \"" + existing.DisplayName + "\" " + existing.AppId + "  ", style), (expiry, warn ? theme.Warning : theme.Dim));
        }
        return "2 App registration";
    }

    private static string Expiry(DateTimeOffset endsOn, DateTimeOffset now) =>
        endsOn <= now ? $"credential EXPIRED {endsOn:yyyy-MM-dd}" : $"credential ends {endsOn:yyyy-MM-dd} ({RelativeTime.Describe(endsOn, now)})";
}

internal static class ViewLinesExtensions
{
    public static ViewLines Add(this ViewLines lines, Spectre.Console.Style style, string text) => lines.Add(text, style);
}
