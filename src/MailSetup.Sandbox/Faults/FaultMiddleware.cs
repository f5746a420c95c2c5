using MailSetup.Sandbox.Graph;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Faults;

/// <summary>Applies the host's <see cref="SandboxFaults"/> to each request before it is routed.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, SandboxFaults faults, RecentlyCreatedObjects created, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (faults.IsEmpty)
        {
            await next(context);
            return;
        }

        var decision = faults.Decide(await FaultRequest.FromAsync(context), created, clock.GetUtcNow());
        try
        {
            if (decision.Latency > TimeSpan.Zero)
            {
                FaultMarker.Set(context, SandboxFaultKind.Latency);
                await Task.Delay(decision.Latency, clock, context.RequestAborted);
            }
            if (decision.Fault is { } fault)
            {
                FaultMarker.Set(context, fault.Kind);
                await InjectAsync(context, fault, decision.StaleObjectId);
            }
            else
            {
                await next(context);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout, or a held request): there is no one to answer.
        }
    }

    private async Task InjectAsync(HttpContext context, SandboxFault fault, string? staleObjectId)
    {
        switch (fault.Kind)
        {
            case SandboxFaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GraphError.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TooManyRequests",
                    "Too many requests from this application. Please try again later.");
                break;
            case SandboxFaultKind.ServiceUnavailable:
                if (fault.RetryAfterSeconds > 0)
                    context.Response.Headers.RetryAfter = fault.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await GraphError.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "serviceNotAvailable",
                    "The service is temporarily unavailable. Please try again later.");
                break;
            case SandboxFaultKind.Timeout:
                await Task.Delay(fault.Duration, clock, context.RequestAborted);
                await GraphError.WriteAsync(context, StatusCodes.Status504GatewayTimeout, "GatewayTimeout", "The request timed out.");
                break;
            case SandboxFaultKind.ConnectionReset:
                context.Abort();
                break;
            case SandboxFaultKind.ReplicationDelay:
                await GraphError.WriteAsync(context, StatusCodes.Status404NotFound, GraphErrorCodes.ResourceNotFound,
                    GraphError.ResourceNotFoundMessage(staleObjectId!));
                break;
            default:
                throw new InvalidOperationException($"fault {fault.Kind} has no answer.");
        }
    }
}
