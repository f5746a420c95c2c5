using System.Runtime.InteropServices;

namespace MailSetupTui.Cli;

/// <summary>
/// SIGTERM and SIGHUP cancel a command's token instead of ending the process on the spot, so its <c>finally</c> and disposals run (the
/// runtime's default would exit without them). The process then ends when the command returns.
/// </summary>
internal static class TerminationSignals
{
    public static IDisposable Register(CancellationTokenSource cancel)
    {
        var registrations = new List<PosixSignalRegistration>();
        if (OperatingSystem.IsWindows()) return new Registrations(registrations);
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                try
                {
                    cancel.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The command has finished already.
                }
            }));
        }
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
