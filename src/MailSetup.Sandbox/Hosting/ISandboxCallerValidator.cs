using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Decides whether a bearer token may call an API. The one place where sandbox APIs judge their
/// callers: Graph and the Exchange admin API check only that a bearer token is there, then ask this.
/// The default accepts any token; the token endpoint's family can register a validator that checks
/// signatures, audience and roles (through <see cref="SandboxHostOptions.ConfigureServices"/>).
/// </summary>
public interface ISandboxCallerValidator
{
    /// <returns>null when the caller may go on; otherwise the answer the API gives instead.</returns>
    CallerRejection? Check(SandboxApi api, string bearerToken, HttpRequest request);
}

/// <summary>Why a caller is turned away: status (401 or 403), error code and message in the API's words.</summary>
public sealed record CallerRejection(int StatusCode, string Code, string Message);

/// <summary>The default: any bearer token will do (token validation belongs to the token endpoint's family).</summary>
public sealed class AnyBearerAccepted : ISandboxCallerValidator
{
    public CallerRejection? Check(SandboxApi api, string bearerToken, HttpRequest request) => null;
}
