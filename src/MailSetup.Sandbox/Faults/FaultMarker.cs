using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Faults;

/// <summary>Notes on a request which fault it got, for the request log.</summary>
internal static class FaultMarker
{
    private const string Key = "sandbox.fault";

    public static void Set(HttpContext context, SandboxFaultKind kind) => context.Items[Key] = kind;

    public static SandboxFaultKind? Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var kind) ? (SandboxFaultKind?)kind : null;
}
