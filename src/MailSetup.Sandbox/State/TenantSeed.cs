using System.Security.Cryptography;
using System.Text;
using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.State;

/// <summary>
/// The seeded tenant <c>contoso.onmicrosoft.com</c>: an admin, user mailboxes, the shared mailboxes
/// support@, sales@, noreply@ and archive@ (IMAP disabled there), the mail-enabled security group
/// mail-apps@, the Exchange Online and Microsoft Graph resource service principals with the
/// catalog's roles and scopes, SMTP AUTH off for the tenant (as for tenants made after January
/// 2020), and two mail apps made by hand, each broken as real ones are (<see cref="SeededMailApps"/>).
/// Everything is deterministic: the same options and seeding day give the same tenant.
/// </summary>
public static class TenantSeed
{
    public const string Domain = "contoso.onmicrosoft.com";
    public const string AdminAddress = "admin@" + Domain;

    /// <summary>The password of every seeded person, for ROPC tests. A sandbox value, never a real one.</summary>
    public const string SandboxPassword = "Sandbox-Password-1";

    public static readonly string[] SharedMailboxes = ["support", "sales", "noreply", "archive"];

    /// <summary>The shared mailbox seeded with IMAP disabled.</summary>
    public const string ImapDisabledMailbox = "archive@" + Domain;
    public const string ScopeGroupAddress = "mail-apps@" + Domain;

    private static readonly string[] FirstNames =
        ["Adele", "Alex", "Bianca", "Carlos", "Diego", "Emily", "Farah", "Grady", "Henrietta", "Isaiah",
         "Johanna", "Lee", "Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Patti", "Pradeep", "Zrinka"];

    private static readonly string[] LastNames =
        ["Vance", "Wilber", "Gonzalez", "Reyes", "Siciliani", "Braun", "Khan", "Archie", "Mueller", "Davis",
         "Lindqvist", "Gu", "Holloway", "Robbins", "Bowen", "Hagen", "Wilke", "Fernandez", "Gupta", "Lovric"];

    /// <param name="seededAt">Now, by the sandbox's clock: the seeded apps' dates count back from its day.</param>
    public static TenantState Create(TenantSeedOptions options, DateTimeOffset seededAt)
    {
        if (options.UserMailboxes is < 0 or > TenantSeedOptions.MaxUserMailboxes)
            throw new ArgumentOutOfRangeException(nameof(options), options.UserMailboxes,
                $"user mailboxes must be 0 to {TenantSeedOptions.MaxUserMailboxes}.");

        var state = new TenantState
        {
            TenantId = DerivedId("tenant:" + Domain),
            DisplayName = "Contoso",
            Domains = [Domain, "contoso.com"],
        };
        var passwordHash = SecretHash.Of(SandboxPassword);

        state.Users.Add(Person(state, "admin", "MOD Administrator", passwordHash, ["Global Administrator"]));
        foreach (var (alias, name) in UserNames(options.UserMailboxes))
            state.Users.Add(Person(state, alias, name, passwordHash, []));
        foreach (var alias in SharedMailboxes)
        {
            state.Users.Add(new SandboxUser
            {
                Id = state.NewId(),
                UserPrincipalName = $"{alias}@{Domain}",
                Mail = $"{alias}@{Domain}",
                DisplayName = char.ToUpperInvariant(alias[0]) + alias[1..],
                RecipientTypeDetails = "SharedMailbox",
                AccountEnabled = false,
                ImapEnabled = $"{alias}@{Domain}" != ImapDisabledMailbox,
            });
        }

        state.Groups.Add(new SandboxGroup
        {
            Id = state.NewId(),
            DisplayName = "Mail apps",
            Mail = ScopeGroupAddress,
            MailEnabled = true,
            SecurityEnabled = true,
            MemberIds = state.Users.Where(u => u.Mail is $"support@{Domain}" or $"sales@{Domain}").Select(u => u.Id).ToList(),
            DistinguishedName = $"CN=mail-apps,OU={Domain},OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=PROD,DC=OUTLOOK,DC=COM",
        });

        foreach (var resource in ApiResource.All) state.ServicePrincipals.Add(ResourceServicePrincipal(resource));
        AddAdminClient(state);
        SeededMailApps.Add(state, seededAt);
        state.Exchange.SmtpClientAuthenticationDisabled = true;
        return state;
    }

    private static SandboxUser Person(TenantState state, string alias, string name, string passwordHash, List<string> roles) => new()
    {
        Id = state.NewId(),
        UserPrincipalName = $"{alias}@{Domain}",
        Mail = $"{alias}@{Domain}",
        DisplayName = name,
        PasswordHash = passwordHash,
        DirectoryRoles = roles,
    };

    /// <summary>first.last aliases; past 400 people a number keeps them unique.</summary>
    private static IEnumerable<(string Alias, string Name)> UserNames(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[i % FirstNames.Length];
            var last = LastNames[i / FirstNames.Length % LastNames.Length];
            var round = i / (FirstNames.Length * LastNames.Length);
            var suffix = round == 0 ? "" : (round + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return ($"{first}.{last}{suffix}".ToLowerInvariant(), $"{first} {last}{suffix}");
        }
    }

    /// <summary>A resource's service principal with the catalog's permissions as its roles and scopes.</summary>
    private static SandboxServicePrincipal ResourceServicePrincipal(ApiResource resource)
    {
        var permissions = PermissionCatalog.All.Where(p => p.Resource == resource).ToList();
        return new SandboxServicePrincipal
        {
            Id = DerivedId("resource-sp:" + resource.AppId),
            AppId = resource.AppId,
            DisplayName = resource.DisplayName,
            BuiltIn = true,
            AppRoles = permissions.Where(p => p.Kind == PermissionKind.Application)
                .Select(p => new SandboxAppRole { Id = p.Id.ToString(), Value = p.Name, DisplayName = p.Name }).ToList(),
            Oauth2PermissionScopes = permissions.Where(p => p.Kind == PermissionKind.Delegated)
                .Select(p => new SandboxPermissionScope { Id = p.Id.ToString(), Value = p.Name, AdminConsentDisplayName = p.Name }).ToList(),
        };
    }

    /// <summary>The admin's sign-in client, consented for the admin scopes (see <see cref="SandboxAdminClient"/>).</summary>
    private static void AddAdminClient(TenantState state)
    {
        var graph = state.ServicePrincipals.Single(p => p.AppId == ApiResource.MicrosoftGraph.AppId);
        var exchange = state.ServicePrincipals.Single(p => p.AppId == ApiResource.ExchangeOnline.AppId);
        foreach (var scope in SandboxAdminClient.GraphScopes.Where(s => graph.Oauth2PermissionScopes.All(p => p.Value != s)))
            graph.Oauth2PermissionScopes.Add(
                new SandboxPermissionScope { Id = DerivedId("scope:graph:" + scope), Value = scope, AdminConsentDisplayName = scope,
                    Type = "Admin" });
        exchange.Oauth2PermissionScopes.Add(new SandboxPermissionScope
        {
            Id = DerivedId("scope:exo:" + SandboxAdminClient.ExchangeScope), Value = SandboxAdminClient.ExchangeScope,
            AdminConsentDisplayName = "Manage Exchange as the signed-in user", Type = "Admin",
        });

        var app = new SandboxApplication
        {
            Id = DerivedId("app:" + SandboxAdminClient.AppId),
            AppId = SandboxAdminClient.AppId,
            DisplayName = SandboxAdminClient.DisplayName,
            SignInAudience = "AzureADMultipleOrgs",
            IsFallbackPublicClient = true,
        };
        state.ExternalApplications.Add(app);
        var client =
            new SandboxServicePrincipal { Id = DerivedId("sp:" + SandboxAdminClient.AppId), AppId = app.AppId, DisplayName = app.DisplayName,
                BuiltIn = true };
        state.ServicePrincipals.Add(client);
        state.PermissionGrants.Add(new SandboxPermissionGrant
        {
            Id = DerivedId("grant:graph:" + SandboxAdminClient.AppId), ClientId = client.Id, ConsentType = "AllPrincipals",
            ResourceId = graph.Id, Scope = string.Join(' ', SandboxAdminClient.GraphScopes),
        });
        state.PermissionGrants.Add(new SandboxPermissionGrant
        {
            Id = DerivedId("grant:exo:" + SandboxAdminClient.AppId), ClientId = client.Id, ConsentType = "AllPrincipals",
            ResourceId = exchange.Id, Scope = SandboxAdminClient.ExchangeScope,
        });
    }

    internal static string DerivedId(string name) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("mailsetup-sandbox:" + name)).AsSpan(0, 16)).ToString();
}
