using MailSetup.Testing.Dovecot;

namespace MailSetup.Core.Tests.Mail;

/// <summary>One private Dovecot per test class: started before its first test, stopped after its last.</summary>
public sealed class DovecotClassFixture : IAsyncLifetime
{
    private DovecotServer? _server;

    public DovecotServer Server => _server ?? throw new InvalidOperationException("Dovecot is not started.");

    public async Task InitializeAsync() => _server = await DovecotServer.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
