using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// What a valid token must also hold to call each sandbox API: an app-only token the application
/// permission (<c>roles</c>), a user's token the delegated one (<c>scp</c>). Coarser than Graph's
/// per-operation table on purpose: directory reads need a directory read (or write) permission, anything
/// that changes the directory a write permission, and the Exchange admin API Exchange.ManageAsApp or the
/// sandbox's Exchange.Manage scope. A mail token (IMAP.AccessAsApp, Mail.Send, ...) opens neither API.
/// </summary>
internal static class SandboxApiPermissions
{
    private static readonly HashSet<string> GraphWrites = new(StringComparer.OrdinalIgnoreCase)
    {
        "Application.ReadWrite.All", "Application.ReadWrite.OwnedBy", "AppRoleAssignment.ReadWrite.All",
        "DelegatedPermissionGrant.ReadWrite.All", "Directory.ReadWrite.All", "Directory.AccessAsUser.All",
    };

    private static readonly HashSet<string> GraphReads = new(GraphWrites, StringComparer.OrdinalIgnoreCase)
    {
        "Application.Read.All", "Directory.Read.All", "User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All",
        "Group.Read.All", "Group.ReadWrite.All", "GroupMember.Read.All", "Organization.Read.All",
    };

    private const string ExchangeRole = "Exchange.ManageAsApp";

    /// <returns>null when the token holds what the request needs; otherwise the 403 the API answers.</returns>
    public static CallerRejection? Check(SandboxApi api, JwtClaims claims, HttpRequest request)
    {
        var held = claims.IsAppOnly ? claims.Roles : claims.Scopes;
        var kind = claims.IsAppOnly ? "application permission (roles)" : "delegated permission (scp)";
        if (api == SandboxApi.ExchangeAdmin)
        {
            var needed = claims.IsAppOnly ? ExchangeRole : SandboxAdminClient.ExchangeScope;
            return held.Contains(needed, StringComparer.OrdinalIgnoreCase)
                ? null
                : new CallerRejection(StatusCodes.Status403Forbidden, "Forbidden",
                    $"The token has no {needed} {kind}: it may not run Exchange cmdlets.");
        }

        var writes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !IsBatch(request);
        if (held.Any((writes ? GraphWrites : GraphReads).Contains)) return null;
        // Graph's words; which permission was missing goes after them, as the sandbox can say it plainly.
        var wanted = writes
            ? "a directory write permission such as Application.ReadWrite.All"
            : "a directory read permission such as Directory.Read.All";
        return new CallerRejection(StatusCodes.Status403Forbidden, "Authorization_RequestDenied",
            $"Insufficient privileges to complete the operation. (the token's {kind} holds no {wanted})");
    }

    /// <summary>A <c>$batch</c> is judged item by item (each item comes back through the same check).</summary>
    private static bool IsBatch(HttpRequest request) => request.Path.Value?.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase) == true;
}
