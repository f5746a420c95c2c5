using Microsoft.AspNetCore.Http;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Finds the app behind <c>client_id</c> and checks its proof: a client secret (compared with the
/// stored hashes), a certificate-signed client assertion, or none at all, which only an app with
/// "Allow public client flows" may do, and never for client credentials; in the user flows such an
/// app must present none (AADSTS700025).
/// </summary>
internal static class ClientAuthentication
{
    private const string JwtBearerAssertion = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public static AuthenticatedClient Authenticate(TokenRequest request, TenantState state, bool confidentialOnly)
    {
        var (application, servicePrincipal) = Find(request, state);
        var secret = request.Optional("client_secret");
        var assertion = request.Optional("client_assertion");
        // In the user flows an app with public client flows on is a public client, and a public client holds no credential.
        if (!confidentialOnly && application.IsFallbackPublicClient == true && (secret is not null || assertion is not null))
            throw EntraErrors.PublicClientWithCredential();
        ClientProof proof;
        if (secret is not null)
        {
            CheckSecret(application, secret, request.Now);
            proof = ClientProof.Secret;
        }
        else if (assertion is not null)
        {
            if (request.Optional("client_assertion_type") != JwtBearerAssertion) throw EntraErrors.MissingParameter("client_assertion_type");
            ClientAssertion.Check(application, assertion, request.Now);
            proof = ClientProof.Certificate;
        }
        else if (confidentialOnly || application.IsFallbackPublicClient != true)
        {
            throw EntraErrors.NoClientCredential();
        }
        else
        {
            proof = ClientProof.None;
        }
        return new(application, servicePrincipal, proof);
    }

    /// <summary>The app named by <c>client_id</c> and its service principal, without checking any proof.</summary>
    public static (SandboxApplication Application, SandboxServicePrincipal ServicePrincipal) Find(TokenRequest request, TenantState state)
    {
        var clientId = request.Required("client_id");
        var application =
            state.Applications.Concat(state.ExternalApplications).FirstOrDefault(a => a.AppId.Equals(clientId, StringComparison.OrdinalIgnoreCase))
            ?? throw EntraErrors.AppNotFound(clientId, state.DisplayName);
        if (request.Tenant.IsMultiTenantAlias && application.SignInAudience == "AzureADMyOrg")
            throw EntraErrors.SingleTenantAppOnCommon(application.AppId, application.DisplayName);
        var servicePrincipal = state.ServicePrincipals.FirstOrDefault(sp => sp.AppId.Equals(application.AppId, StringComparison.OrdinalIgnoreCase))
            ?? throw EntraErrors.AppHasNoServicePrincipal(application.AppId);
        return (application, servicePrincipal);
    }

    private static void CheckSecret(SandboxApplication application, string secret, DateTimeOffset now)
    {
        // Every stored hash is compared, in fixed time each, so a pasted secret id or a typo fails the same way.
        var matching = application.PasswordCredentials.Where(c => SecretHash.Matches(secret, c.SecretHash)).ToList();
        if (matching.Count == 0) throw EntraErrors.InvalidClientSecret(application.AppId);
        if (!matching.Any(c => c.StartDateTime <= now && now < c.EndDateTime))
        {
            if (matching.Any(c => c.EndDateTime <= now)) throw EntraErrors.ClientSecretExpired(application.AppId);
            throw EntraErrors.InvalidClientSecret(application.AppId);
        }
    }
}
