using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Builds the one ASP.NET Core app behind both ways of hosting the sandbox (Kestrel and TestServer):
/// services, then the pipeline log -> faults -> routing -> every endpoint group.
/// </summary>
internal static class SandboxApp
{
    public static WebApplication Build(
        SandboxTenant tenant, SandboxHostOptions options, SandboxFaults faults, SandboxRequestLog log, Action<WebApplicationBuilder> server)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            // Not the working directory: the sandbox reads no content files.
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The sandbox speaks only through its APIs and its request log; host chatter would corrupt
        // the JSON that 'mailsetup sandbox serve' prints on stdout.
        builder.Logging.ClearProviders();
        server(builder);

        var services = builder.Services;
        services.AddSingleton(tenant);
        services.AddSingleton(tenant.Clock);
        services.AddSingleton(options);
        services.AddSingleton(faults);
        services.AddSingleton(log);
        services.AddSingleton<IHostLifetime, LibraryLifetime>();
        services.AddSingleton<SubRequests>();
        services.AddSingleton<RecentlyCreatedObjects>();
        services.TryAddSingleton<ISandboxCallerValidator, AnyBearerAccepted>();
        EndpointGroups.Register(services);
        options.ConfigureServices?.Invoke(services);

        var app = builder.Build();
        var subRequests = app.Services.GetRequiredService<SubRequests>();
        app.Use(subRequests.Capture);
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultMiddleware>();
        // Routing after the log and faults (and after the capture above), so a $batch item that
        // re-enters the captured pipeline is routed afresh.
        app.UseRouting();
        foreach (var group in app.Services.GetServices<ISandboxEndpointGroup>()) group.Map(app);
        return app;
    }
}
