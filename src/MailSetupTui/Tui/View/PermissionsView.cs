using MailSetup.Core.Catalog;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class PermissionsView
{
    public static string Render(PermissionsModel permissions, ViewLines lines, TuiTheme theme)
    {
        lines.Add("Presets (Space toggles; combine them freely)", theme.Title);
        foreach (var (preset, index) in permissions.Presets.Select((p, i) => (p, i)))
        {
            var mark = (index == permissions.Cursor ? "› " : "  ") + (permissions.Selected.Contains(preset.Name) ? "[x] " : "[ ] ");
            lines.Add(
                (mark + preset.Name.PadRight(15),
                    index == permissions.Cursor ? theme.Focus : permissions.Selected.Contains(preset.Name) ? theme.Selected : theme.Normal),
                    (" " + preset.Summary, theme.Dim));
        }
        lines.Blank();
        var rows = permissions.Rows;
        lines.Add(("Permission".PadRight(46), theme.Title), ("configured  consented  in token", theme.Title));
        if (rows.Count == 0) lines.Add("  choose a preset above", theme.Dim);
        foreach (var row in rows)
        {
            var name = $"{Short(row.Resource)} {row.Name} ({(row.Kind == PermissionKind.Application ? "app" : "delegated")})";
            lines.Add(("  " + name.PadRight(44), row.HasGap ? theme.Warning : theme.Normal),
                (Mark(row.Configured, theme).PadRight(12), theme.Ok),
                (Mark(row.Consented, theme).PadRight(11), row.Consented == false ? theme.Error : theme.Ok),
                (Mark(row.InToken, theme), row.InToken == false ? theme.Error : theme.Ok));
        }
        if (rows.Any(
            r => r.HasGap)) lines.Add("A gap: the permission is asked for but not consented, or not in a fresh token; p plans the consent.",
                theme.Warning);
        return "3 Permissions";
    }

    private static string Short(string resource) =>
        resource.StartsWith("Office 365 Exchange", StringComparison.Ordinal)
            ? "Exchange"
            : resource.StartsWith("Microsoft Graph", StringComparison.Ordinal) ? "Graph" : resource;

    private static string Mark(bool? value, TuiTheme theme) => value switch
    {
        true => theme.Check,
        false => theme.Cross,
        null => " - ",
    };
}
