using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Exchange;

/// <summary>Where Exchange Online's admin API lives on the host.</summary>
internal static class ExchangeRoutes
{
    public const string InvokeCommand = "/adminapi/beta/{tenantId}/InvokeCommand";

    public static bool IsAdminApi(PathString path) => path.StartsWithSegments("/adminapi", StringComparison.OrdinalIgnoreCase);
}
