using MailSetup.Core.Clouds;

namespace MailSetup.Core.Identity;

/// <summary>
/// What the admin signs in for. A token serves one resource, so Graph and Exchange are two
/// requests; MSAL gets the second one silently with the refresh token of the first.
/// </summary>
public static class AdminScopes
{
    /// <summary>Delegated Graph permissions a setup writes with (FACTS.md, "Graph calls of a setup").</summary>
    public static IReadOnlyList<string> GraphWritePermissions { get; } =
        ["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"];

    /// <summary>Delegated Graph permissions for what the product shows (users and groups to pick mailboxes and scopes from).</summary>
    public static IReadOnlyList<string> GraphReadPermissions { get; } = ["User.Read.All", "Group.Read.All"];

    /// <summary>The Graph scopes of an admin sign-in, as <c>https://&lt;graph host&gt;/&lt;permission&gt;</c>.</summary>
    public static IReadOnlyList<string> Graph(Cloud cloud) =>
        GraphWritePermissions.Concat(GraphReadPermissions).Select(p => $"https://{cloud.Graph.Name}/{p}").ToList();

    /// <summary>The Exchange admin API scope (the resource's <c>.default</c>: Exchange decides by role, not by scope).</summary>
    public static IReadOnlyList<string> ExchangeAdmin(Cloud cloud) => [$"https://{cloud.Exchange.Name}/.default"];
}
