using MailSetup.Core.Catalog;
using Microsoft.Graph;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Permission = MailSetup.Core.Catalog.Permission;

namespace MailSetup.Core.Plans;

/// <summary>
/// The Graph steps of a setup, each built with the Graph SDK's request builders. The previews (and
/// the references a step consumes) come from building each request once with stand-ins.
/// </summary>
internal sealed class GraphSteps(GraphServiceClient graph, string credentialName, DateTimeOffset now)
{
    private static readonly string[] AppSelect = ["id", "appId", "displayName"];

    /// <summary>Reads a resource's service principal for its object id and the tenant's ids of the needed permissions.</summary>
    public GraphStep ReadResource(ApiResource resource, IReadOnlyList<Permission> permissions) => Step(
        key: $"read-{resource.Key}-resource",
        title: $"Read the {resource.DisplayName} service principal",
        why: $"Consent needs the object id of {resource.DisplayName} in this tenant, and the tenant's ids of its permissions (the catalog ids are " +
            $"the fallback). A missing resource shows up here, before anything changes.",
        action: StepAction.Read,
        request: (g, _) => g.ServicePrincipals.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Filter = $"appId eq '{resource.AppId}'";
            c.QueryParameters.Select = ["id", "appId", "displayName", "appRoles", "oauth2PermissionScopes"];
        }),
        resultCollection: "value",
        captures:
        [
            new(References.ResourceServicePrincipal(resource), "id"),
            .. permissions.Select(p => new ValueCapture(
                References.PermissionId(p),
                $"{(p.Kind == PermissionKind.Application ? "appRoles" : "oauth2PermissionScopes")}[value={p.Name}].id",
                p.Id.ToString())),
        ]);

    /// <summary>
    /// Lists the apps of the name: one that does not carry this setup's key was made by someone else (in the portal, by another tool),
    /// and the run stops before any change rather than create a second app of that name or take that one over.
    /// </summary>
    public GraphStep CheckAppName(string displayName, string uniqueName) => Step(
        key: "check-app-name",
        title: $"Check that no other app is named '{displayName}'",
        why: $"Display names are not unique in Entra. An app of this name without the key '{uniqueName}' is not one mailsetup made: " +
            "the run stops here, before any change, and names it (adopt it with its client id, or choose another name).",
        action: StepAction.Read,
        request: (g, _) => AppsNamed(g, displayName),
        ownership: new OwnershipCheck("value", "uniqueName", uniqueName));

    /// <summary>
    /// Creates the app registration with Graph's upsert by its key (<c>uniqueName</c>), or finds the one an earlier run made by that key:
    /// a re-run never looks an app up by display name.
    /// </summary>
    public GraphStep CreateApp(string displayName, string uniqueName) => Step(
        key: "create-app",
        title: $"Create the app registration '{displayName}'",
        why: "The app registration is the app's identity in Entra: its client id is what mail software signs in with. Single tenant, " +
            $"as Microsoft's procedures advise. It is created under the key '{uniqueName}' (Prefer: create-if-missing), so a re-run " +
            "finds this app and no other.",
        action: StepAction.Create,
        request: (g, _) => g.ApplicationsWithUniqueName(uniqueName).ToPatchRequestInformation(
            new Application { DisplayName = displayName, SignInAudience = "AzureADMyOrg" },
            c => c.Headers.Add("Prefer", "create-if-missing")),
        probe: Probe((g, _) => AppsNamed(g, displayName), "value", new ProbeMatch("uniqueName", uniqueName)),
        captures: AppCaptures(),
        undo: StepUndo.Graph("DELETE", "/applications/" + StepUndo.Result("id")));

    private static RequestInformation AppsNamed(GraphServiceClient graph, string displayName) =>
        graph.Applications.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Filter = $"displayName eq '{ODataLiteral(displayName)}'";
            c.QueryParameters.Select = [.. AppSelect, "uniqueName", "createdDateTime"];
        });

    /// <summary>Finds the existing app registration to adopt by its client id.</summary>
    public GraphStep FindApp(Guid appId) => Step(
        key: "find-app",
        title: $"Find the app registration with client id {appId}",
        why: "The app already exists: mailsetup adopts it and needs its object id for the changes below. Nothing is created if it is missing; " +
            "the run stops here.",
        action: StepAction.Read,
        request: (g, _) => g.Applications.ToGetRequestInformation(c =>
        {
            c.QueryParameters.Filter = $"appId eq '{appId}'";
            c.QueryParameters.Select = [.. AppSelect, "requiredResourceAccess", "isFallbackPublicClient"];
        }),
        resultCollection: "value",
        captures: AppCaptures());

    /// <summary>
    /// Sets the API permissions the app asks for (what the portal calls "configured permissions"), and for delegated setups whether it
    /// is a public client (<paramref name="publicClient"/>; null leaves the setting alone).
    /// </summary>
    public GraphStep SetPermissions(IReadOnlyList<Permission> permissions, bool adopting, bool? publicClient)
    {
        var why = adopting
            ? "Adds the permissions the presets need to the app's requiredResourceAccess; permissions the app already has are kept: " +
                "its current list is read and merged in before the PATCH."
            : "Sets exactly the permissions the presets need. An app-only setup leaves out the delegated User.Read that the portal adds " +
                "by default.";
        if (publicClient == true)
            why += " Device-code sign-in for the delegated permissions needs 'Allow public client flows' (isFallbackPublicClient), " +
                "else AADSTS7000218; the app holds no secret, as a public client must.";
        else if (publicClient == false)
            why += " The password flow with a client secret is a confidential client: 'Allow public client flows' (isFallbackPublicClient) " +
                "is turned off, since a public client that presents a secret is refused (AADSTS700025).";
        return Step(
            key: "set-permissions",
            title: "Set the app's API permissions",
            why: why,
            action: StepAction.Change,
            request: (g, v) =>
            {
                var body = new Application { RequiredResourceAccess = RequiredAccess(permissions, v) };
                if (publicClient is { } isPublic) body.IsFallbackPublicClient = isPublic;
                return g.Applications[v.Text(References.AppObjectId)].ToPatchRequestInformation(body);
            },
            mergedLists: adopting ? ["requiredResourceAccess"] : null);
    }

    public GraphStep AddSecret(DateTimeOffset endDateTime) => Step(
        key: "add-secret",
        title: $"Add the client secret '{credentialName}'",
        why: $"The app proves who it is with this secret when it asks for tokens. It expires on {PlanDates.Day(endDateTime)}; " +
            $"mail stops silently then, so renew before. Its value is returned once and never again. A re-run on any day makes none while " +
            $"a secret an earlier run made is valid for more than {RenewWithin.Days} days more.",
        action: StepAction.Create,
        request: (g, v) => g.Applications[v.Text(References.AppObjectId)].AddPassword.ToPostRequestInformation(new AddPasswordPostRequestBody
        {
            PasswordCredential = new PasswordCredential { DisplayName = credentialName, EndDateTime = endDateTime },
        }),
        probe: Probe(
            (g, v) => g.Applications[v.Text(References.AppObjectId)].ToGetRequestInformation(c => c.QueryParameters.Select = ["passwordCredentials"]),
            "passwordCredentials", EarlierCredential(endDateTime - now)),
        captures: [new(References.SecretKeyId, "keyId"), new(References.SecretValue, "secretText")],
        undo: StepUndo.Graph("POST", $"/applications/{References.AppObjectId.Placeholder}/removePassword",
            $$"""{"keyId":"{{StepUndo.Result("keyId")}}"}"""));

    public GraphStep UploadCertificate(bool adopting, TimeSpan lifetime) => Step(
        key: "upload-certificate",
        title: $"Upload the certificate '{credentialName}'",
        why: "The app proves who it is by signing with the certificate's private key, which never leaves this machine. " +
            "The first certificate goes in with PATCH keyCredentials (addKey needs an already valid one)."
            + (adopting ? " Certificates the app already has are kept: its current list is read and merged in before the PATCH." : "")
            + $" A re-run makes none while a certificate an earlier run made is valid for more than {RenewWithin.Days} days more.",
        action: StepAction.Change,
        request: (g, v) => g.Applications[v.Text(References.AppObjectId)].ToPatchRequestInformation(new Application
        {
            KeyCredentials =
            [
                new KeyCredential
                {
                    DisplayName = credentialName,
                    Type = "AsymmetricX509Cert",
                    Usage = "Verify",
                    Key = v.Bytes(References.CertificateKey),
                },
            ],
        }),
        probe: Probe(
            (g, v) => g.Applications[v.Text(References.AppObjectId)].ToGetRequestInformation(c => c.QueryParameters.Select = ["keyCredentials"]),
            "keyCredentials", EarlierCredential(lifetime)),
        mergedLists: adopting ? ["keyCredentials"] : null);

    public GraphStep CreateServicePrincipal() => Step(
        key: "create-sp",
        title: "Create the app's enterprise app (service principal)",
        why: "Consent is granted to the service principal, not to the app registration, and Exchange registers the app by this object id " +
            "({sp.id}), never the app registration's ({app.id}).",
        action: StepAction.Create,
        request: (g, v) => g.ServicePrincipals.ToPostRequestInformation(new ServicePrincipal { AppId = v.Text(References.AppClientId) }),
        probe: Probe(
            (g, v) => g.ServicePrincipals.ToGetRequestInformation(c =>
            {
                c.QueryParameters.Filter = $"appId eq '{v.Text(References.AppClientId)}'";
                c.QueryParameters.Select = AppSelect;
            }),
            "value", new ProbeMatch("appId", References.AppClientId.Placeholder)),
        captures: [new(References.ServicePrincipalId, "id")],
        undo: StepUndo.Graph("DELETE", "/servicePrincipals/" + StepUndo.Result("id")));

    /// <summary>Admin consent for one application permission: an app role assignment.</summary>
    public GraphStep GrantAppRole(Permission permission)
    {
        var resourceSp = References.ResourceServicePrincipal(permission.Resource);
        var role = References.PermissionId(permission);
        return Step(
            key: $"consent-{permission.Resource.Key}-{permission.Name}",
            title: $"Grant admin consent for {permission.Name} ({permission.Resource.DisplayName}, application)",
            why: $"An application permission only works after admin consent; until then tokens lack the '{permission.Name}' role and logins fail.",
            action: StepAction.Create,
            request: (g, v) => g.ServicePrincipals[v.Text(resourceSp)].AppRoleAssignedTo.ToPostRequestInformation(new AppRoleAssignment
            {
                PrincipalId = v.Guid(References.ServicePrincipalId),
                ResourceId = v.Guid(resourceSp),
                AppRoleId = v.Guid(role),
            }),
            probe: Probe(
                (g, v) => g.ServicePrincipals[v.Text(References.ServicePrincipalId)].AppRoleAssignments.ToGetRequestInformation(),
                "value", new ProbeMatch("appRoleId", role.Placeholder), new ProbeMatch("resourceId", resourceSp.Placeholder)),
            undo: StepUndo.Graph("DELETE", $"/servicePrincipals/{resourceSp.Placeholder}/appRoleAssignedTo/{StepUndo.Result("id")}"));
    }

    /// <summary>Admin consent for all users to a resource's delegated permissions.</summary>
    public GraphStep GrantDelegated(ApiResource resource, IReadOnlyList<Permission> scopes)
    {
        var resourceSp = References.ResourceServicePrincipal(resource);
        var scopeText = string.Join(' ', scopes.Select(s => s.Name));
        return Step(
            key: $"consent-{resource.Key}-delegated",
            title: $"Grant admin consent for {scopeText} ({resource.DisplayName}, delegated, all users)",
            why: "With consent for all users, people sign in (device code) without a consent prompt each, and delegated tokens carry these scopes.",
            action: StepAction.Create,
            request: (g, v) => g.Oauth2PermissionGrants.ToPostRequestInformation(new OAuth2PermissionGrant
            {
                ClientId = v.Text(References.ServicePrincipalId),
                ConsentType = "AllPrincipals",
                ResourceId = v.Text(resourceSp),
                Scope = scopeText,
            }),
            probe: Probe(
                (g, v) => g.Oauth2PermissionGrants.ToGetRequestInformation(c =>
                    c.QueryParameters.Filter = $"clientId eq '{v.Text(References.ServicePrincipalId)}' and resourceId eq '{v.Text(resourceSp)}'"),
                "value", new ProbeMatch("consentType", "AllPrincipals"), new ProbeMatch("scope", scopeText)),
            undo: StepUndo.Graph("DELETE", "/oauth2PermissionGrants/" + StepUndo.Result("id")));
    }

    private static List<RequiredResourceAccess> RequiredAccess(IReadOnlyList<Permission> permissions, ReferenceValues values) =>
        permissions
            .GroupBy(p => p.Resource)
            .Select(group => new RequiredResourceAccess
            {
                ResourceAppId = group.Key.AppId,
                ResourceAccess = group
                    .Select(p => new ResourceAccess { Id = values.Guid(References.PermissionId(p)), Type = p.EntraType })
                    .ToList(),
            })
            .ToList();

    /// <summary>
    /// A credential an earlier run made, on any day (its name starts "mailsetup "), that does not need renewing yet: a re-run tomorrow finds
    /// today's and makes no second one; one that expires within <see cref="RenewWithin"/> (or half a short lifetime) is replaced.
    /// </summary>
    private ProbeMatch[] EarlierCredential(TimeSpan lifetime) =>
    [
        new("displayName", PlanBuilder.CredentialPrefix, ProbeComparison.StartsWith),
        new("endDateTime", PlanDates.Timestamp(now + TimeSpan.FromTicks(Math.Min(RenewWithin.Ticks, lifetime.Ticks / 2))), ProbeComparison.After),
    ];

    /// <summary>How long before it expires a credential is renewed by a re-run (the UI warns as early).</summary>
    public static TimeSpan RenewWithin { get; } = TimeSpan.FromDays(30);

    private static IReadOnlyList<ValueCapture> AppCaptures() =>
    [
        new(References.AppObjectId, "id"),
        new(References.AppClientId, "appId"),
        new(References.AppDisplayName, "displayName"),
    ];

    /// <summary>OData string literals double their single quotes.</summary>
    private static string ODataLiteral(string text) => text.Replace("'", "''", StringComparison.Ordinal);

    private GraphProbe Probe(GraphRequestBuilder request, string collection, params ProbeMatch[] matches) =>
        new(request, collection, matches, GraphRequestPreviewer.Preview(request(graph, ReferenceValues.StandIns)));

    private GraphStep Step(
        string key, string title, string why, StepAction action, GraphRequestBuilder request,
        GraphProbe? probe = null, string? resultCollection = null, IReadOnlyList<ValueCapture>? captures = null,
        IReadOnlyList<string>? mergedLists = null, StepUndo? undo = null, OwnershipCheck? ownership = null)
    {
        RequestInformation built = request(graph, ReferenceValues.StandIns);
        var preview = GraphRequestPreviewer.Preview(built);
        var consumed = GraphRequestPreviewer.ReferencesIn(preview.Url + "\n" + preview.Body + "\n" + probe?.Preview.Url);
        return new GraphStep
        {
            Key = key,
            Title = title,
            Why = why,
            Action = action,
            Request = request,
            Preview = preview,
            Probe = probe,
            ResultCollection = resultCollection,
            Captures = captures ?? [],
            MergedLists = mergedLists ?? [],
            Undo = undo,
            Ownership = ownership,
            Consumes = consumed,
            Produces = (captures ?? []).Select(c => c.Target).ToList(),
        };
    }
}
