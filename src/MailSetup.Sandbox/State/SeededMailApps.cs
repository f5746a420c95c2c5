using System.Security.Cryptography;
using System.Text;
using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.State;

/// <summary>
/// Mail apps the seeded tenant already has, made by hand rather than by mailsetup, each broken the way
/// real ones are: "Scanner SMTP" was made in the portal with SMTP.SendAsApp consented and a valid
/// secret, but nobody ran New-ServicePrincipal, so Exchange refuses its tokens; "Legacy IMAP Sync" is
/// set up completely for sales@ (IMAP.AccessAsApp, Exchange registration, FullAccess), but its only
/// client secret has expired, so Entra refuses it a token (AADSTS7000222). Neither has a uniqueName.
/// Their dates count back from the day the tenant is seeded, so the secrets are valid and expired
/// whenever that is.
/// </summary>
public static class SeededMailApps
{
    public const string ScannerSmtpName = "Scanner SMTP";
    public const string LegacyImapSyncName = "Legacy IMAP Sync";

    /// <summary>The shared mailbox Legacy IMAP Sync reads (FullAccess).</summary>
    public const string LegacyImapSyncMailbox = "sales@" + TenantSeed.Domain;

    /// <summary>Scanner SMTP's valid client secret: a sandbox value for tests that sign in with it, never a real one.</summary>
    public const string ScannerSmtpSecret = "Sandbox~Scanner-SMTP-Secret-1";

    /// <summary>Legacy IMAP Sync's expired client secret: a sandbox value for tests that sign in with it, never a real one.</summary>
    public const string LegacyImapSyncSecret = "Sandbox~Legacy-IMAP-Sync-Secret-1";

    public static string ScannerSmtpAppId { get; } = TenantSeed.DerivedId("app-id:scanner-smtp");
    public static string LegacyImapSyncAppId { get; } = TenantSeed.DerivedId("app-id:legacy-imap-sync");

    /// <summary>The client ids of the seeded apps, to tell them from the apps made since.</summary>
    public static IReadOnlyList<string> AppIds => [ScannerSmtpAppId, LegacyImapSyncAppId];

    /// <summary>Secrets made in the portal last 24 months at most (its longest choice).</summary>
    private static readonly TimeSpan SecretLifetime = TimeSpan.FromDays(730);

    public static void Add(TenantState state, DateTimeOffset seededAt)
    {
        var today = new DateTimeOffset(seededAt.UtcDateTime.Date, TimeSpan.Zero);

        // Made three months ago: the secret has most of its two years left.
        AddApp(state, "scanner-smtp", ScannerSmtpAppId, ScannerSmtpName, "SMTP.SendAsApp", today.AddDays(-90),
            ("scanner", ScannerSmtpSecret));

        // Made 800 days ago: its two-year secret ended 70 days ago.
        var legacy = AddApp(state, "legacy-imap-sync", LegacyImapSyncAppId, LegacyImapSyncName, "IMAP.AccessAsApp", today.AddDays(-800),
            ("imap sync", LegacyImapSyncSecret));
        state.Exchange.ServicePrincipals.Add(new ExchangeServicePrincipal
            { Identity = legacy.Id, AppId = legacy.AppId, ObjectId = legacy.Id, DisplayName = LegacyImapSyncName });
        state.Exchange.MailboxPermissions.Add(new ExchangeMailboxPermission
            { Identity = LegacyImapSyncMailbox, User = legacy.Id, AccessRights = ["FullAccess"] });
    }

    /// <summary>An app as the portal makes it: registration, enterprise app, one Exchange role admin-consented, one secret.</summary>
    private static SandboxServicePrincipal AddApp(TenantState state, string key, string appId, string name, string role,
        DateTimeOffset created, (string Description, string Value) secret)
    {
        var exchange = state.ServicePrincipals.Single(p => p.AppId == ApiResource.ExchangeOnline.AppId);
        var roleId = exchange.AppRoles.Single(r => r.Value == role).Id;
        state.Applications.Add(new SandboxApplication
        {
            Id = TenantSeed.DerivedId("app:" + key),
            AppId = appId,
            DisplayName = name,
            CreatedDateTime = created,
            RequiredResourceAccess =
                [new() { ResourceAppId = exchange.AppId, ResourceAccess = [new() { Id = roleId, Type = "Role" }] }],
            PasswordCredentials =
            [
                new()
                {
                    KeyId = TenantSeed.DerivedId("secret:" + key), DisplayName = secret.Description, StartDateTime = created,
                    EndDateTime = created + SecretLifetime, Hint = secret.Value[..3], SecretHash = SecretHash.Of(secret.Value),
                },
            ],
        });
        var servicePrincipal = new SandboxServicePrincipal { Id = TenantSeed.DerivedId("sp:" + key), AppId = appId, DisplayName = name };
        state.ServicePrincipals.Add(servicePrincipal);
        state.AppRoleAssignments.Add(new SandboxAppRoleAssignment
        {
            Id = OpaqueId("consent:" + key),
            PrincipalId = servicePrincipal.Id,
            ResourceId = exchange.Id,
            AppRoleId = roleId,
            PrincipalDisplayName = name,
            ResourceDisplayName = exchange.DisplayName,
            CreatedDateTime = created.AddHours(1),
        });
        return servicePrincipal;
    }

    /// <summary>An id shaped like Graph's appRoleAssignment ids (base64url), derived from a name.</summary>
    private static string OpaqueId(string name) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("mailsetup-sandbox:" + name)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
