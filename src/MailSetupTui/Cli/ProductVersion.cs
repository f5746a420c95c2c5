using System.Reflection;

namespace MailSetupTui.Cli;

/// <summary>
/// The version of this assembly, not of the entry assembly (which System.CommandLine's own
/// --version reads): in-process tests run under a test host.
/// </summary>
internal static class ProductVersion
{
    public static string Current { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ProductVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
