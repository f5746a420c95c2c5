using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The sandbox's Entra ID token endpoint, on the same host as its Graph: token and devicecode
/// endpoints per tenant (id or verified domain), the OpenID discovery document and signing keys,
/// home realm discovery (MSAL asks it before a password sign-in), and the sandbox-only page and
/// endpoint that approve device codes.
/// </summary>
public sealed class SandboxIdentityEndpoints : ISandboxEndpointGroup
{
    private readonly SandboxTenant _tenant;
    private readonly TimeProvider _clock;
    private readonly SandboxSigningKeys _keys;
    private readonly SandboxDeviceCodes _deviceCodes;
    private readonly IReadOnlyList<ITokenGrant> _grants;
    private readonly string? _approvalSecret;

    public SandboxIdentityEndpoints(SandboxTenant tenant, TimeProvider clock, SandboxHostOptions options)
    {
        _approvalSecret = options.DeviceApprovalSecret;
        _tenant = tenant;
        _clock = clock;
        _keys = new SandboxSigningKeys(tenant, clock);
        _deviceCodes = new SandboxDeviceCodes(tenant, clock);
        var minter = new TokenMinter(_keys);
        _grants =
        [
            new ClientCredentialsGrant(tenant, minter),
            new DeviceCodeGrant(tenant, minter),
            new PasswordGrant(tenant, minter),
            new RefreshTokenGrant(tenant, minter),
        ];
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/{tenant}/oauth2/v2.0/token", http => Token(http, http.RouteValue("tenant")));
        routes.MapPost("/{tenant}/oauth2/v2.0/devicecode", http => DeviceCode(http, http.RouteValue("tenant")));
        routes.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", http => Metadata(http, http.RouteValue("tenant")));
        routes.MapGet("/{tenant}/discovery/v2.0/keys", http => Keys(http, http.RouteValue("tenant")));
        routes.MapGet("/common/userrealm/{user}", ResultDelegates.From(http =>
        {
            var user = http.RouteValue("user");
            return Results.Json(_tenant.Read(state => UserRealm.Describe(state, user)));
        }));
        routes.MapGet("/sandbox/devicecode", ResultDelegates.From(_ => Results.Content(DeviceApprovalPage.Html, "text/html; charset=utf-8")));
        routes.MapPost("/sandbox/devicecode/approve", ResultDelegates.From(http => Approve(http.Request, http.RequestAborted)));
    }

    private Task Token(HttpContext http, string tenant) => Answer(http, tenant, request =>
    {
        var grantType = request.Required("grant_type");
        var grant = _grants.FirstOrDefault(g => g.Handles(grantType)) ?? throw EntraErrors.UnsupportedGrantType(grantType);
        _ = _keys.CurrentKeyId; // make the signing key before the grant holds the tenant
        return grant.Issue(request);
    });

    private Task DeviceCode(HttpContext http, string tenant) => Answer(http, tenant, request =>
    {
        var (clientAppId, scope) = _tenant.Read(state =>
        {
            var (application, _) = ClientAuthentication.Find(request, state);
            var scopes = RequestedScopes.Parse(request.Optional("scope"), state.DisplayName);
            ResourcePrincipals.CheckDelegatedPermissionsExist(ResourcePrincipals.Find(state, scopes), scopes);
            return (application.AppId, scopes.Scope);
        });
        var (deviceCode, entry) = _deviceCodes.Start(clientAppId, scope);
        var verificationUri = $"{request.Authority}/sandbox/devicecode";
        return new JsonObject
        {
            ["user_code"] = entry.UserCode,
            ["device_code"] = deviceCode,
            ["verification_uri"] = verificationUri,
            ["expires_in"] = (long)SandboxDeviceCodes.Lifetime.TotalSeconds,
            ["interval"] = SandboxDeviceCodes.PollingIntervalSeconds,
            ["message"] =
                $"To sign in, use a web browser to open the page {verificationUri} and enter the code {entry.UserCode} to authenticate. " +
                "(This is the mailsetup sandbox, not Microsoft.)",
        };
    });

    private Task Metadata(HttpContext http, string tenant) => Answer(http, tenant, request =>
        OpenIdMetadata.Document(request.Authority, _tenant.TenantId, tenant));

    private Task Keys(HttpContext http, string tenant) => Answer(http, tenant, _ => _keys.Jwks());

    /// <summary>Runs one endpoint: resolves the tenant, reads the form, and turns Entra errors into Entra's answer.</summary>
    private async Task Answer(HttpContext http, string tenant, Func<TokenRequest, JsonObject> handle)
    {
        var now = _clock.GetUtcNow();
        try
        {
            var segment = _tenant.Read(state => TenantSegment.Resolve(state, tenant));
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
            var request = new TokenRequest(form, segment, now, $"{http.Request.Scheme}://{http.Request.Host}");
            await EntraAnswers.Json(http, handle(request));
        }
        catch (EntraErrorException e)
        {
            await EntraAnswers.Error(http, e.Error, now);
        }
    }

    /// <summary>
    /// Approves a device code for a user, as the person at Microsoft's page would. Approving signs that user in to
    /// whichever app asked, so on a served sandbox it takes the approval secret (<see cref="DeviceApprovalSecrets"/>).
    /// </summary>
    private async Task<IResult> Approve(HttpRequest request, CancellationToken cancellationToken)
    {
        string? userCode, userName, secret = request.Headers[DeviceApprovalSecrets.HeaderName].FirstOrDefault();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            (userCode, userName) = (form["user_code"].ToString(), form["username"].ToString());
            if (string.IsNullOrEmpty(secret)) secret = form[DeviceApprovalSecrets.FieldName].FirstOrDefault();
        }
        else
        {
            var body = await JsonSerializer.DeserializeAsync<JsonObject>(request.Body, cancellationToken: cancellationToken);
            (userCode, userName) = (body?["user_code"]?.GetValue<string>(), body?["username"]?.GetValue<string>());
            if (string.IsNullOrEmpty(secret)) secret = body?[DeviceApprovalSecrets.FieldName]?.GetValue<string>();
        }
        if (_approvalSecret is not null && !DeviceApprovalSecrets.Matches(_approvalSecret, secret))
        {
            const string where = "(approvalSecret in the JSON that 'mailsetup sandbox serve' printed)";
            var why = string.IsNullOrEmpty(secret)
                ? $"Approving a device code on this sandbox needs its approval secret {where}."
                : $"The approval secret is not this sandbox's {where}.";
            return Results.Json(new { error = "access_denied", error_description = why }, statusCode: StatusCodes.Status401Unauthorized);
        }
        if (string.IsNullOrWhiteSpace(userCode) || string.IsNullOrWhiteSpace(userName))
            return Results.BadRequest(new { error = "invalid_request", error_description = "user_code and username are required." });
        try
        {
            _deviceCodes.Approve(userCode, userName);
            return Results.Ok(new { approved = userCode.Trim().ToUpperInvariant(), username = userName.Trim() });
        }
        catch (InvalidOperationException e)
        {
            return Results.BadRequest(new { error = "invalid_request", error_description = e.Message });
        }
    }
}
