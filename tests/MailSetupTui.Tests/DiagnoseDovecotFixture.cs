using MailSetup.Testing;
using MailSetup.Testing.Dovecot;

namespace MailSetupTui.Tests;

/// <summary>One private Dovecot per test class, plus a folder for token and trace files.</summary>
public sealed class DiagnoseDovecotFixture : IAsyncLifetime
{
    private DovecotServer? _server;

    public DovecotServer Server => _server ?? throw new InvalidOperationException("Dovecot is not started.");

    public TempFolder Files { get; } = new();

    public async Task InitializeAsync() => _server = await DovecotServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Files.Dispose();
    }
}
