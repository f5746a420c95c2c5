using Microsoft.AspNetCore.Routing;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// One family of sandbox endpoints (Graph, Entra token endpoint, Exchange admin API). The host maps
/// every implementation in this assembly, so each family lives in its own folder and knows nothing
/// of the others. Implementations get their dependencies (the <c>SandboxTenant</c>, the clock) from
/// the host's service provider through their constructor.
/// </summary>
public interface ISandboxEndpointGroup
{
    void Map(IEndpointRouteBuilder routes);
}
