namespace MailSetupTui.Tui.App;

/// <summary>The adopted app's permissions on one mailbox, as read from Exchange.</summary>
public sealed record MailboxAccess(bool FullAccess, bool SendAs);

/// <summary>A mailbox as the Mailboxes pane lists it.</summary>
public sealed record MailboxRow(string Address, string DisplayName, bool Shared, bool ImapEnabled = true, bool PopEnabled = true);

/// <summary>
/// The Mailboxes pane: every user and shared mailbox, filtered as the admin types, multi-selected
/// with Space; <see cref="Editing"/> is the input that has the keys (the filter or the scope group).
/// <see cref="Visible"/> is recomputed only when the list or the filter changes, so moving through
/// thousands of rows costs nothing.
/// </summary>
public sealed record MailboxesModel(
    IReadOnlyList<MailboxRow> All,
    IReadOnlyList<MailboxRow> Visible,
    TextInput Filter,
    int Cursor,
    IReadOnlySet<string> Selected,
    bool SendAs,
    bool Loading,
    IReadOnlyDictionary<string, MailboxAccess>? Access = null,
    string? Scope = null,
    TextInput? ScopeGroup = null,
    InputField? Editing = null)
{
    /// <summary>The scoping choices a plan takes, in the order <c>c</c> cycles them.</summary>
    public static IReadOnlyList<string?> Scopes { get; } = [null, "rbac", "access-policy"];

    public MailboxesModel NextScope() => this with { Scope = Scopes[(Scopes.ToList().IndexOf(Scope) + 1) % Scopes.Count] };

    public static MailboxesModel Initial { get; } =
        new([], [], new TextInput(), 0, new HashSet<string>(StringComparer.OrdinalIgnoreCase), false, true);

    public MailboxRow? Current => Cursor >= 0 && Cursor < Visible.Count ? Visible[Cursor] : null;

    public MailboxesModel WithMailboxes(IReadOnlyList<MailboxRow> all) => Refiltered(this with { All = all, Loading = false });

    /// <summary>Refilters only when the text changed: moving the cursor costs nothing.</summary>
    public MailboxesModel WithFilter(TextInput filter) =>
        filter.Text == Filter.Text ? this with { Filter = filter } : Refiltered(this with { Filter = filter });

    private static MailboxesModel Refiltered(MailboxesModel model)
    {
        var words = model.Filter.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var visible = words.Length == 0
            ? model.All
            : model.All.Where(
                m =>
                    words.All(
                        w =>
                            m.Address.Contains(w, StringComparison.OrdinalIgnoreCase)
                                || m.DisplayName.Contains(w, StringComparison.OrdinalIgnoreCase))).ToList();
        return model with { Visible = visible, Cursor = Math.Clamp(model.Cursor, 0, Math.Max(0, visible.Count - 1)) };
    }

    public MailboxesModel Toggle(string address)
    {
        var selected = new HashSet<string>(Selected, StringComparer.OrdinalIgnoreCase);
        if (!selected.Remove(address)) selected.Add(address);
        return this with { Selected = selected };
    }
}
