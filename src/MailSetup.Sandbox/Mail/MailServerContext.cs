using System.Security.Cryptography.X509Certificates;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Mail;

/// <summary>What every session of the three servers shares: the tenant, the limits, the login gate, the TLS certificate and the kept
/// messages.</summary>
internal sealed class MailServerContext(SandboxTenant tenant, SandboxMailOptions options, X509Certificate2 certificate, MailLoginLog logins)
{
    private readonly Queue<SandboxReceivedMessage> _messages = new();

    public SandboxTenant Tenant { get; } = tenant;
    public SandboxMailOptions Options { get; } = options;

    /// <summary>The certificate with its private key, for the server side of TLS.</summary>
    public X509Certificate2 Certificate { get; } = certificate;

    public MailLoginLog Logins { get; } = logins;
    public MailLoginGate Gate { get; } = new(tenant, logins);

    public DateTimeOffset Now => Tenant.Clock.GetUtcNow();

    public void Keep(SandboxReceivedMessage message)
    {
        lock (_messages)
        {
            _messages.Enqueue(message);
            while (_messages.Count > Math.Max(0, Options.KeptMessages)) _messages.Dequeue();
        }
    }

    public IReadOnlyList<SandboxReceivedMessage> Messages()
    {
        lock (_messages) return _messages.ToList();
    }
}
