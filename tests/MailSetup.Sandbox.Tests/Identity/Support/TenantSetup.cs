using MailSetup.Core.Catalog;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Tests.Identity.Support;

/// <summary>
/// Puts apps, credentials and consent straight into the tenant, as a finished setup leaves them,
/// so the token endpoint can be tested without the Graph endpoints.
/// </summary>
public static class TenantSetup
{
    public sealed record App(string Id, string AppId, string ServicePrincipalId);

    public static App AddApp(SandboxTenant tenant, string name, bool publicClient = false, bool withServicePrincipal = true) => tenant.Change(state =>
    {
        var application = new SandboxApplication
        {
            Id = state.NewId(),
            AppId = state.NewId(),
            DisplayName = name,
            IsFallbackPublicClient = publicClient ? true : null,
            CreatedDateTime = tenant.Clock.GetUtcNow(),
        };
        state.Applications.Add(application);
        var spId = "";
        if (withServicePrincipal)
        {
            spId = state.NewId();
            state.ServicePrincipals.Add(new SandboxServicePrincipal { Id = spId, AppId = application.AppId, DisplayName = name });
        }
        return new App(application.Id, application.AppId, spId);
    });

    /// <summary>Adds a secret (stored as its hash) and returns its keyId, which is what people paste by mistake.</summary>
    public static string AddSecret(SandboxTenant tenant, App app, string secret, DateTimeOffset? end = null) => tenant.Change(state =>
    {
        var keyId = state.NewId();
        var now = tenant.Clock.GetUtcNow();
        state.Applications.Single(a => a.Id == app.Id).PasswordCredentials.Add(new SandboxPasswordCredential
        {
            KeyId = keyId,
            DisplayName = "test secret",
            StartDateTime = now.AddMinutes(-1),
            EndDateTime = end ?? now.AddDays(180),
            Hint = secret[..3],
            SecretHash = SecretHash.Of(secret),
        });
        return keyId;
    });

    public static void AddCertificate(SandboxTenant tenant, App app, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        tenant.Change(state =>
        state.Applications.Single(a => a.Id == app.Id).KeyCredentials.Add(new SandboxKeyCredential
        {
            KeyId = state.NewId(),
            DisplayName = certificate.Subject,
            Key = Convert.ToBase64String(certificate.RawData),
            StartDateTime = certificate.NotBefore.ToUniversalTime(),
            EndDateTime = certificate.NotAfter.ToUniversalTime(),
            Thumbprint = certificate.Thumbprint,
        }));

    /// <summary>Admin consent for application permissions: one appRoleAssignment per role.</summary>
    public static void GrantAppRoles(SandboxTenant tenant, App app, ApiResource resource, params string[] roles) => tenant.Change(state =>
    {
        var resourceSp = state.ServicePrincipals.Single(sp => sp.AppId == resource.AppId);
        foreach (var role in roles)
        {
            state.AppRoleAssignments.Add(new SandboxAppRoleAssignment
            {
                Id = state.NewId(),
                PrincipalId = app.ServicePrincipalId,
                ResourceId = resourceSp.Id,
                AppRoleId = resourceSp.AppRoles.Single(r => r.Value == role).Id,
                ResourceDisplayName = resourceSp.DisplayName,
            });
        }
    });

    /// <summary>Delegated consent for all users (an AllPrincipals oauth2PermissionGrant).</summary>
    public static void GrantDelegated(SandboxTenant tenant, App app, ApiResource resource, string scope) => tenant.Change(state =>
        state.PermissionGrants.Add(new SandboxPermissionGrant
        {
            Id = state.NewId(),
            ClientId = app.ServicePrincipalId,
            ConsentType = "AllPrincipals",
            ResourceId = state.ServicePrincipals.Single(sp => sp.AppId == resource.AppId).Id,
            Scope = scope,
        }));

    public static void RequireMfa(SandboxTenant tenant, string userPrincipalName) =>
        tenant.Change(state => state.Users.Single(u => u.UserPrincipalName == userPrincipalName).MfaRequired = true);
}
