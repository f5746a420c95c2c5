using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Sandbox.Hosting;

/// <summary>Finds every <see cref="ISandboxEndpointGroup"/> in this assembly, so a new family is mapped without touching the host.</summary>
internal static class EndpointGroups
{
    public static IReadOnlyList<Type> InAssembly() =>
        typeof(EndpointGroups).Assembly.GetTypes()
            .Where(
                t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && typeof(ISandboxEndpointGroup).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Registers each group as a singleton under its own type (to reach it from outside) and as a group.</summary>
    public static void Register(IServiceCollection services)
    {
        foreach (var type in InAssembly())
        {
            services.AddSingleton(type);
            services.AddSingleton(typeof(ISandboxEndpointGroup), provider => provider.GetRequiredService(type));
        }
    }
}
