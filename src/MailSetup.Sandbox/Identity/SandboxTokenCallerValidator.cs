using MailSetup.Core.Catalog;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Lets only tokens from this tenant's token endpoint call Graph and the Exchange admin API: signed
/// with the tenant's key, issued by it, alive, and for that API (a Graph token cannot call Exchange)
/// (401), and holding a permission that allows the call (<see cref="SandboxApiPermissions"/>; 403).
/// </summary>
public sealed class SandboxTokenCallerValidator(SandboxTenant tenant, TimeProvider clock) : ISandboxCallerValidator
{
    private readonly SandboxTokenValidator _validator = new(tenant, clock);

    public CallerRejection? Check(SandboxApi api, string bearerToken, HttpRequest request)
    {
        var resource = api == SandboxApi.Graph ? ApiResource.MicrosoftGraph : ApiResource.ExchangeOnline;
        var result = _validator.Validate(bearerToken, ResourceIdentifiers.Of(resource.AppId));
        if (result.IsValid) return SandboxApiPermissions.Check(api, result.Claims!, request);

        // Graph's wording and code for each failure; the Exchange admin API (a bare 401 in real life) answers in the same shape.
        var message = result.Failure switch
        {
            SandboxTokenFailure.Expired => "Lifetime validation failed, the token is expired.",
            SandboxTokenFailure.NotYetValid => "Lifetime validation failed, the token is not yet valid.",
            SandboxTokenFailure.WrongAudience => "Access token validation failure. Invalid audience.",
            SandboxTokenFailure.WrongIssuer => "Access token validation failure. Invalid issuer.",
            SandboxTokenFailure.BadSignature => "Access token validation failure. Invalid signature.",
            _ => "IDX14100: JWT is not well formed.",
        };
        return new CallerRejection(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", $"{message} ({result.Reason})");
    }
}

public static class SandboxIdentityServices
{
    /// <summary>
    /// Makes the host's APIs accept only this tenant's tokens (the host's default accepts any
    /// bearer token). For <c>SandboxHostOptions.ConfigureServices</c>.
    /// </summary>
    public static IServiceCollection AddSandboxTokenValidation(this IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<ISandboxCallerValidator, SandboxTokenCallerValidator>());
}
