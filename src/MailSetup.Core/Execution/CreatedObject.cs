using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;

namespace MailSetup.Core.Execution;

/// <summary>The kinds of object a plan's create steps make, each with one fixed way to take it back.</summary>
public enum CreatedKind
{
    Application,
    ServicePrincipal,
    AppRoleAssignment,
    DelegatedGrant,
    ExchangeServicePrincipal,
    MailboxPermission,
    RecipientPermission,
    ManagementScope,
    ManagementRoleAssignment,
    ApplicationAccessPolicy,
}

/// <summary>
/// Something a run created, as rollback takes it back: its kind and its checked ids. <see cref="Id"/> is the object's id (for a
/// mailbox or recipient permission: the trustee's); <see cref="Parent"/> the resource's service principal (app role assignment) or
/// the mailbox (permissions).
/// </summary>
public sealed record CreatedObject(CreatedKind Kind, string Id, string? Parent = null)
{
    /// <summary>How rollback lists it: "delete application 1f0c…", "Remove-MailboxPermission support@… (FullAccess for 5a2e…)".</summary>
    public string What => Kind switch
    {
        CreatedKind.Application => $"delete application {Id}",
        CreatedKind.ServicePrincipal => $"delete service principal {Id}",
        CreatedKind.AppRoleAssignment => $"delete app role assignment {Id} (resource {Parent})",
        CreatedKind.DelegatedGrant => $"delete delegated permission grant {Id}",
        CreatedKind.ExchangeServicePrincipal => $"Remove-ServicePrincipal {Id}",
        CreatedKind.MailboxPermission => $"Remove-MailboxPermission {Parent} (FullAccess for {Id})",
        CreatedKind.RecipientPermission => $"Remove-RecipientPermission {Parent} (SendAs for {Id})",
        CreatedKind.ManagementScope => $"Remove-ManagementScope '{Id}'",
        CreatedKind.ManagementRoleAssignment => $"Remove-ManagementRoleAssignment '{Id}'",
        _ => $"Remove-ApplicationAccessPolicy '{Id}'",
    };
}

/// <summary>
/// Reads what a journal entry says its step created, by the step's kind (known from its key: <c>create-app</c>,
/// <c>fullaccess-{mailbox}</c>, …) and the ids it recorded, each checked for its shape. The journal is a file anyone with access
/// could have edited: it supplies ids only, never a URL, a cmdlet or a parameter name.
/// </summary>
public static partial class CreatedObjects
{
    /// <summary>The kind of object a step of this key creates, or null for steps that create nothing mailsetup takes back.</summary>
    public static CreatedKind? KindOf(string key) => key switch
    {
        "create-app" => CreatedKind.Application,
        "create-sp" => CreatedKind.ServicePrincipal,
        "register-exchange-sp" => CreatedKind.ExchangeServicePrincipal,
        "create-management-scope" => CreatedKind.ManagementScope,
        "create-access-policy" => CreatedKind.ApplicationAccessPolicy,
        _ when key.StartsWith("rbac-", StringComparison.Ordinal) => CreatedKind.ManagementRoleAssignment,
        _ when key.StartsWith(FullAccessPrefix, StringComparison.Ordinal) => CreatedKind.MailboxPermission,
        _ when key.StartsWith(SendAsPrefix, StringComparison.Ordinal) => CreatedKind.RecipientPermission,
        _ when key.StartsWith("consent-", StringComparison.Ordinal) && key.EndsWith("-delegated", StringComparison.Ordinal) =>
            CreatedKind.DelegatedGrant,
        _ when ConsentResource(key) is not null => CreatedKind.AppRoleAssignment,
        _ => null,
    };

    /// <returns>The object, or why the entry cannot be undone (unknown kind, missing or malformed id).</returns>
    public static (CreatedObject? Object, string? Problem) Read(JournalEntry entry)
    {
        var key = entry.Key;
        try
        {
            CreatedObject? created = KindOf(key) switch
            {
                CreatedKind.Application => new(CreatedKind.Application, Guid(entry, "id", legacy: "app.id")),
                CreatedKind.ServicePrincipal => new(CreatedKind.ServicePrincipal, Guid(entry, "id", legacy: "sp.id")),
                CreatedKind.ExchangeServicePrincipal => new(CreatedKind.ExchangeServicePrincipal, Guid(entry, "Identity")),
                CreatedKind.ManagementScope => new(CreatedKind.ManagementScope, Name(entry, "Identity")),
                CreatedKind.ApplicationAccessPolicy => new(CreatedKind.ApplicationAccessPolicy, Name(entry, "Identity")),
                CreatedKind.ManagementRoleAssignment => new(CreatedKind.ManagementRoleAssignment, Name(entry, "Identity")),
                CreatedKind.MailboxPermission =>
                    new(CreatedKind.MailboxPermission, Guid(entry, "User"), Mailbox(key[FullAccessPrefix.Length..])),
                CreatedKind.RecipientPermission =>
                    new(CreatedKind.RecipientPermission, Guid(entry, "Trustee"), Mailbox(key[SendAsPrefix.Length..])),
                CreatedKind.DelegatedGrant => new(CreatedKind.DelegatedGrant, Opaque(entry, "id")),
                CreatedKind.AppRoleAssignment =>
                    new(CreatedKind.AppRoleAssignment, Opaque(entry, "id"), Guid(entry, $"{ConsentResource(key)!.Key}.sp.id")),
                _ => null,
            };
            return created is null ? (null, $"'{Shown(key)}' is no kind of step mailsetup knows how to undo; skipped") : (created, null);
        }
        catch (FormatException e)
        {
            return (null, e.Message + "; skipped");
        }
    }

    private const string FullAccessPrefix = "fullaccess-";
    private const string SendAsPrefix = "sendas-";

    private static ApiResource? ConsentResource(string key) =>
        ApiResource.All.FirstOrDefault(r => key.StartsWith($"consent-{r.Key}-", StringComparison.Ordinal));

    /// <summary>A recorded id: what this version records (<see cref="JournalEntry.Created"/>), else what older journals held.</summary>
    private static string Recorded(JournalEntry entry, string name, string? legacy)
    {
        if (entry.Created?.GetValueOrDefault(name) is { } value) return value;
        if (legacy is not null && entry.Values.GetValueOrDefault(legacy) is { } old) return old;
        // Older journals kept a filled-in cmdlet; its parameter values are ids like any other (the cmdlet itself is not used).
        if (entry.Undo?.Parameters?.GetValueOrDefault(name) is { ValueKind: System.Text.Json.JsonValueKind.String } parameter)
            return parameter.GetString()!;
        throw new FormatException($"the journal records no {legacy ?? name} for '{Shown(entry.Key)}'");
    }

    private static string Guid(JournalEntry entry, string name, string? legacy = null)
    {
        var text = Recorded(entry, name, legacy);
        return System.Guid.TryParse(text, out var id) ? id.ToString() : throw Malformed(entry, name, text, "a GUID");
    }

    /// <summary>Graph's ids of assignments and grants are base64url text, not GUIDs.</summary>
    private static string Opaque(JournalEntry entry, string name)
    {
        var text = Recorded(entry, name, null);
        return OpaqueId().IsMatch(text) ? text : throw Malformed(entry, name, text, "a Graph id (letters, digits, '-' and '_')");
    }

    /// <summary>An Exchange object's name: any printable text of a sane length (it is passed as a value, never as script).</summary>
    private static string Name(JournalEntry entry, string name)
    {
        var text = Recorded(entry, name, null);
        return text.Length is > 0 and <= 256 && !text.Any(char.IsControl) ? text : throw Malformed(entry, name, text, "a name");
    }

    private static string Mailbox(string address) => MailboxAddress().IsMatch(address)
        ? address
        : throw new FormatException($"'{Shown(address)}' in the step's key is not a mailbox address");

    private static FormatException Malformed(JournalEntry entry, string name, string text, string expected) =>
        new($"the journal's {name} for '{Shown(entry.Key)}' is '{Shown(text)}', not {expected}");

    /// <summary>Journal text in a message: control characters made visible, long text cut.</summary>
    private static string Shown(string text)
    {
        var visible = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return visible.Length > 80 ? visible[..80] + "…" : visible;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,200}$")]
    private static partial Regex OpaqueId();

    [GeneratedRegex(@"^[^@\s""'`$;|&<>()]{1,64}@[A-Za-z0-9.-]{1,253}$")]
    private static partial Regex MailboxAddress();
}
