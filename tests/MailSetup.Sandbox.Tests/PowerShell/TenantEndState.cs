using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Tests.PowerShell;

/// <summary>
/// What a setup left in a sandbox tenant, as sorted lines that two tenants set up by different
/// clients can be compared by: every directory and Exchange object, with the ids the tenant made
/// replaced by the name of what they point at (creation order differs between clients), and the
/// values no two runs share (times, key material, secret hashes) left out.
/// </summary>
public static partial class TenantEndState
{
    /// <summary>Properties that differ between any two runs: when, and the credential material itself.</summary>
    private static readonly HashSet<string> Volatile =
        ["CreatedDateTime", "StartDateTime", "SecretHash", "Hint", "Key", "KeyId", "Thumbprint", "NextIdSequence", "SigningKey", "DeviceCodes"];

    public static IReadOnlyList<string> Of(SandboxTenant tenant, IReadOnlySet<string> seededIds)
    {
        var (state, names) = tenant.Read(s => (JsonSerializer.SerializeToNode(s)!.AsObject(), Names(s)));
        var lines = new List<string>();
        foreach (var (collection, node) in Flatten(state))
        {
            Strip(node);
            // Consents' own ids are not GUIDs: they are the one thing of theirs two tenants do not share.
            if (collection is "AppRoleAssignments" or "PermissionGrants" && node is JsonObject consent) consent.Remove("Id");
            var text = node?.ToJsonString() ?? "null";
            // An id the tenant made becomes the name of its object, or <new> (an assignment's own id).
            text = Guid().Replace(text, m => names.TryGetValue(m.Value, out var name) ? name : seededIds.Contains(m.Value) ? m.Value : "<new>");
            lines.Add($"{collection}: {text}");
        }
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Every id in a tenant before anything ran (the seed is deterministic): these stay as they are.</summary>
    public static IReadOnlySet<string> Ids(SandboxTenant tenant) =>
        tenant.Read(s => Guid().Matches(JsonSerializer.Serialize(s)).Select(m => m.Value).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static Dictionary<string, string> Names(TenantState state)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in state.Applications)
        {
            names[app.Id] = $"<app {app.DisplayName}>";
            names[app.AppId] = $"<appId {app.DisplayName}>";
        }
        foreach (var sp in state.ServicePrincipals) names.TryAdd(sp.Id, $"<sp {sp.DisplayName}>");
        return names;
    }

    /// <summary>One line per element of each list (Users, Applications, Exchange.MailboxPermissions ...), one per scalar otherwise.</summary>
    private static IEnumerable<(string Collection, JsonNode? Node)> Flatten(JsonObject state, string prefix = "")
    {
        foreach (var (name, value) in state.ToList())
        {
            if (Volatile.Contains(name)) continue;
            switch (value)
            {
                case JsonArray list:
                    foreach (var item in list) yield return (prefix + name, item?.DeepClone());
                    break;
                case JsonObject inner:
                    foreach (var nested in Flatten(inner, prefix + name + ".")) yield return nested;
                    break;
                default:
                    yield return (prefix + name, value?.DeepClone());
                    break;
            }
        }
    }

    private static void Strip(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                // A certificate's dates are when it was made; how long it is valid is what both runs must agree on.
                if (json["Key"] is not null && json["StartDateTime"] is { } start && json["EndDateTime"] is { } end)
                {
                    json["ValidFor"] = (end.GetValue<DateTimeOffset>() - start.GetValue<DateTimeOffset>()).ToString();
                    json.Remove("EndDateTime");
                }
                foreach (var name in json.Select(p => p.Key).Where(Volatile.Contains).ToList()) json.Remove(name);
                foreach (var (_, value) in json) Strip(value);
                break;
            case JsonArray list:
                foreach (var item in list) Strip(item);
                break;
        }
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
