namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The AADSTS errors the sandbox answers with, worded after Entra's own messages (FACTS.md lists
/// what each means for a user). Status codes follow Entra: client authentication failures are
/// 401 invalid_client, everything else 400.
/// </summary>
internal static class EntraErrors
{
    private const int BadRequest = 400;
    private const int Unauthorized = 401;

    public static EntraErrorException MissingParameter(string name) => new(new(BadRequest, "invalid_request", 900144,
        $"The request body must contain the following parameter: '{name}'."));

    public static EntraErrorException UnsupportedGrantType(string grantType) => new(new(BadRequest, "unsupported_grant_type", 70003,
        $"The app requested an unsupported grant type '{grantType}'."));

    public static EntraErrorException TenantNotFound(string tenant) => new(new(BadRequest, "invalid_request", 90002,
        $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));

    public static EntraErrorException SingleTenantAppOnCommon(string appId, string name) => new(new(BadRequest, "invalid_request", 50194,
        $"Application '{appId}'({name}) is not configured as a multi-tenant application. Use a tenant-specific endpoint or configure the " +
        "application to be multi-tenant."));

    public static EntraErrorException AppNotFound(string appId, string tenantName) => new(new(BadRequest, "unauthorized_client", 700016,
        $"Application with identifier '{appId}' was not found in the directory '{tenantName}'. The application may not be installed in this " +
        "tenant, or the request went to the wrong tenant."));

    public static EntraErrorException AppHasNoServicePrincipal(string appId) => new(new(Unauthorized, "invalid_client", 7000229,
        $"The client application {appId} is missing service principal in the tenant."));

    public static EntraErrorException InvalidClientSecret(string appId) => new(new(Unauthorized, "invalid_client", 7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, " +
        $"for a secret added to app '{appId}'."));

    public static EntraErrorException ClientSecretExpired(string appId) => new(new(Unauthorized, "invalid_client", 7000222,
        $"The provided client secret keys for app '{appId}' are expired. Create new keys for your app, " +
        "or consider using certificate credentials for added security."));

    public static EntraErrorException NoClientCredential() => new(new(Unauthorized, "invalid_client", 7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));

    /// <summary>FACTS.md: a public client ("Allow public client flows") that presents a client secret or assertion.</summary>
    public static EntraErrorException PublicClientWithCredential() => new(new(Unauthorized, "invalid_client", 700025,
        "Client is public so neither 'client_assertion' nor 'client_secret' should be presented."));

    public static EntraErrorException MalformedAssertion(string reason) => new(new(Unauthorized, "invalid_client", 50027,
        $"JWT token is invalid or malformed. [Reason - {reason}]"));

    public static EntraErrorException AssertionKeyNotRegistered(string appId, string? thumbprint) => new(new(Unauthorized, "invalid_client", 700027,
        $"The certificate with identifier used to sign the client assertion is not registered on application '{appId}'. " +
        $"[Reason - The key was not found., Thumbprint of key used by client: '{thumbprint}']"));

    public static EntraErrorException AssertionSignatureInvalid(string reason) => new(new(Unauthorized, "invalid_client", 700027,
        $"Client assertion failed signature validation. [Reason - {reason}]"));

    public static EntraErrorException AssertionNotForClient(string appId) => new(new(Unauthorized, "invalid_client", 700021,
        $"Client assertion application identifier doesn't match 'client_id' parameter '{appId}'."));

    public static EntraErrorException AssertionOutsideLifetime() => new(new(Unauthorized, "invalid_client", 700024,
        "Client assertion is not within its valid time range."));

    public static EntraErrorException InvalidScope(string scope) => new(new(BadRequest, "invalid_scope", 70011,
        "The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. " +
        $"The scope {scope} is not valid."));

    public static EntraErrorException ClientCredentialsNeedDefault(string scope) => new(new(BadRequest, "invalid_scope", 1002012,
        $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the " +
        "resource identifier (application ID URI)."));

    public static EntraErrorException MoreThanOneResource(string scope) => new(new(BadRequest, "invalid_scope", 700022,
        $"The provided value for the input parameter scope is not valid because it contains more than one resource. Scope {scope} is not valid."));

    public static EntraErrorException ResourceNotFound(string resource, string tenantName) => new(new(BadRequest, "invalid_resource", 500011,
        $"The resource principal named {resource} was not found in the tenant named {tenantName}. This can happen if the application has not been " +
        "installed by the administrator of the tenant or consented to by any user in the tenant."));

    public static EntraErrorException ConsentRequired(string appId, string name) => new(new(BadRequest, "invalid_grant", 65001,
        $"The user or administrator has not consented to use the application with ID '{appId}' named '{name}'. " +
        "Send an interactive authorization request for this user and resource.", "consent_required"));

    public static EntraErrorException UserNotFound(string userName, string tenantName) => new(new(BadRequest, "invalid_grant", 50034,
        $"The user account {userName} does not exist in the {tenantName} directory. To sign into this application, " +
        "the account must be added to the directory."));

    public static EntraErrorException WrongPassword() => new(new(BadRequest, "invalid_grant", 50126,
        "Error validating credentials due to invalid username or password."));

    public static EntraErrorException UserDisabled() => new(new(BadRequest, "invalid_grant", 50057,
        "The user account is disabled."));

    public static EntraErrorException MfaRequired(string resource) => new(new(BadRequest, "invalid_grant", 50076,
        "Due to a configuration change made by your administrator, or because you moved to a new location, " +
        $"you must use multi-factor authentication to access '{resource}'.", "basic_action"));

    public static EntraErrorException AuthorizationPending() => new(new(BadRequest, "authorization_pending", 70016,
        "OAuth 2.0 device flow error. Authorization is pending. Continue polling."));

    public static EntraErrorException DeviceCodeExpired() => new(new(BadRequest, "expired_token", 70020,
        "The provided value for the input parameter 'device_code' is not valid. This device code has expired."));

    public static EntraErrorException InvalidGrant(string what) => new(new(BadRequest, "invalid_grant", 70000,
        $"The provided grant is invalid or malformed: {what}."));

    public static EntraErrorException RefreshTokenExpired() => new(new(BadRequest, "invalid_grant", 700082,
        "The refresh token has expired due to inactivity. The token was issued on a date and was inactive for 90 days."));
}
