using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class MailboxesView
{
    public static string Render(MailboxesModel mailboxes, ViewLines lines, TuiTheme theme)
    {
        var filtering = mailboxes.Editing == InputField.MailboxFilter;
        var filter =
            filtering ? "/" + InputText.WithCaret(mailboxes.Filter) : mailboxes.Filter.Text.Length > 0 ? "/" + mailboxes.Filter.Text : "/ filters";
        lines.Add((filter.PadRight(24), filtering ? theme.Focus : theme.Dim),
            ($" {mailboxes.Visible.Count:N0} of {mailboxes.All.Count:N0} · {mailboxes.Selected.Count} selected · " +
                $"SendAs {(mailboxes.SendAs ? "on" : "off")} (s)", theme.Normal));
        var grouping = mailboxes.Editing == InputField.ScopeGroup;
        var group =
            grouping ? InputText.WithCaret(mailboxes.ScopeGroup ?? new TextInput()) : mailboxes.ScopeGroup?.Text is { Length: > 0 } g ? g : "none";
        lines.Add(("scoping ", theme.Dim), (mailboxes.Scope ?? "none", mailboxes.Scope is null ? theme.Normal : theme.Selected),
            (" (c)   scope group ", theme.Dim),
            (group, grouping ? theme.Focus : theme.Normal), (" (g)", theme.Dim));
        if (mailboxes.Loading) lines.Add("reading mailboxes...", theme.Dim);
        else if (mailboxes.Access is not null) lines.Add(
            "FullAccess / SendAs: what the adopted app may do in the selected mailboxes (read from Exchange)", theme.Dim);

        // Only the visible window is rendered: the cost of a frame does not grow with the list.
        var rows = lines.Remaining;
        var first = Math.Clamp(mailboxes.Cursor - rows / 2, 0, Math.Max(0, mailboxes.Visible.Count - rows));
        for (var i = first; i < Math.Min(mailboxes.Visible.Count, first + rows); i++)
        {
            var mailbox = mailboxes.Visible[i];
            var selected = mailboxes.Selected.Contains(mailbox.Address);
            var style = i == mailboxes.Cursor ? theme.Focus : selected ? theme.Selected : theme.Normal;
            var flags = (mailbox.Shared ? "shared " : "user   ") + (mailbox.ImapEnabled ? "IMAP " : "---- ") + (mailbox.PopEnabled ? "POP" : "---")
                +
                (mailboxes.Access?.GetValueOrDefault(mailbox.Address) is { } access
                    ? (access.FullAccess ? " FullAccess" : " -") + (access.SendAs ? " SendAs" : "")
                    : "");
            lines.Add(((i == mailboxes.Cursor ? "› " : "  ") + (selected ? "[x] " : "[ ] ") + mailbox.Address.PadRight(40) + " ", style),
                (flags + "  ", mailbox.ImapEnabled && mailbox.PopEnabled ? theme.Dim : theme.Warning), (mailbox.DisplayName, theme.Dim));
        }
        return "4 Mailboxes";
    }
}
