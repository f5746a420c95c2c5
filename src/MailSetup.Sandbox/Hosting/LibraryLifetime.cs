using Microsoft.Extensions.Hosting;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// A host lifetime that leaves process signals alone. The default console lifetime would take
/// Ctrl+C and SIGTERM for itself (stopping the server and keeping the process alive); the sandbox
/// is a library, and whoever owns the process decides when it stops.
/// </summary>
internal sealed class LibraryLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
