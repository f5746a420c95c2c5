using MailSetup.App.Diagnosis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailSetup.App;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The application layer over the core: the state folders (from the registered
    /// <see cref="IEnvironment"/> unless registered themselves) and the diagnosis runner. The clock
    /// and the environment must be registered by the composition root: nothing here falls back to
    /// the real ones.
    /// </summary>
    public static IServiceCollection AddMailSetupApp(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => StateFolders.FromEnvironment(sp.GetRequiredService<IEnvironment>()));
        services.TryAddSingleton<DiagnosisRunner>();
        return services;
    }
}
