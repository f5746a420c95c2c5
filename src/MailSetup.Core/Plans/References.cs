using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans;

/// <summary>The references a setup plan uses, by their well-known names.</summary>
public static class References
{
    public static Reference AppObjectId { get; } = new("app.id", "object id of the app registration (application)");
    public static Reference AppClientId { get; } = new("app.appId", "application (client) id");
    public static Reference ServicePrincipalId { get; } = new("sp.id", "object id of the app's enterprise app (service principal)");
    public static Reference SecretValue { get; } = new("secret.value", "the new client secret's value, shown once", Secret: true);
    public static Reference SecretKeyId { get; } = new("secret.keyId", "id of the new client secret (not its value)");
    public static Reference CertificateKey { get; } = new("cert.key", "public certificate (DER) of the new key pair");
    public static Reference CertificateThumbprint { get; } = new("cert.thumbprint", "SHA-1 thumbprint of the new certificate");
    public static Reference GroupDistinguishedName { get; } = new("group.dn", "distinguished name of the scope group in Exchange");
    public static Reference AppDisplayName { get; } = new("app.displayName", "display name of the app registration");

    /// <summary>What Exchange calls the registered app: the trustee of its mailbox permissions, as Microsoft's OAuth page grants them.</summary>
    public static Reference ExchangeAppIdentity { get; } =
        new("exo.sp.identity", "identity Exchange returns for the app's registration (Get-ServicePrincipal Identity)");

    /// <summary>Every reference a plan can hold, so renderers can turn any stand-in back into its name.</summary>
    public static IReadOnlyList<Reference> All { get; } =
        new[] { AppObjectId, AppClientId, AppDisplayName, ServicePrincipalId, SecretValue, SecretKeyId, CertificateKey, CertificateThumbprint,
            GroupDistinguishedName, ExchangeAppIdentity }
            .Concat(ApiResource.All.Select(ResourceServicePrincipal))
            .Concat(PermissionCatalog.All.Select(PermissionId))
            .ToList();

    /// <summary>Object id of a resource's service principal in the tenant: <c>{exo.sp.id}</c>, <c>{graph.sp.id}</c>.</summary>
    public static Reference ResourceServicePrincipal(ApiResource resource) =>
        new($"{resource.Key}.sp.id", $"object id of the {resource.DisplayName} service principal in the tenant");

    /// <summary>The tenant's id of a permission: <c>{exo.role.IMAP.AccessAsApp}</c>, <c>{graph.scope.User.Read}</c>.</summary>
    public static Reference PermissionId(Permission permission) =>
        new($"{permission.Resource.Key}.{(permission.Kind == PermissionKind.Application ? "role" : "scope")}.{permission.Name}",
            $"id of {permission} (catalog fallback {permission.Id})");
}
