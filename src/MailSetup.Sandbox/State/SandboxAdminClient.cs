using MailSetup.Core.Identity;

namespace MailSetup.Sandbox.State;

/// <summary>
/// What an admin signs in with: Microsoft's public "Microsoft Graph Command Line Tools" client
/// (the one Connect-MgGraph uses), consented in the seeded tenant for the admin scopes on Graph and
/// for Exchange management, as an admin's first Connect-MgGraph would leave it. The admin scopes
/// are added to the resource service principals with sandbox-made ids (not Microsoft's).
/// </summary>
public static class SandboxAdminClient
{
    public const string DisplayName = "Microsoft Graph Command Line Tools";

    public static string AppId => AdminClient.DefaultClientId;

    /// <summary>Graph delegated scopes an admin uses (the plan's writes and the screens' reads).</summary>
    public static IReadOnlyList<string> GraphScopes { get; } = [.. AdminScopes.GraphWritePermissions, .. AdminScopes.GraphReadPermissions];

    /// <summary>The Exchange delegated scope behind the admin API.</summary>
    public const string ExchangeScope = "Exchange.Manage";
}
