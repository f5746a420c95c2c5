using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailSetup.Core;

/// <summary>Options of the core SDK.</summary>
public sealed class MailSetupCoreOptions
{
    /// <summary>The clock plans are dated with; tests pin it for byte-stable plans.</summary>
    public TimeProvider? Clock { get; set; }
}

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the core SDK: plan builder and plan renderers.</summary>
    public static IServiceCollection AddMailSetupCore(this IServiceCollection services, Action<MailSetupCoreOptions>? configure = null)
    {
        var options = new MailSetupCoreOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(options.Clock ?? TimeProvider.System);
        services.TryAddSingleton<PlanBuilder>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlanRenderer, TextPlanRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlanRenderer, JsonPlanRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlanRenderer, HttpPlanRenderer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlanRenderer, PowerShellPlanRenderer>());
        services.TryAddSingleton<PlanRenderers>();
        return services;
    }
}
