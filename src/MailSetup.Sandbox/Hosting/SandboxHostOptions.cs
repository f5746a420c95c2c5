using System.Net;
using MailSetup.Sandbox.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Sandbox.Hosting;

/// <summary>How a <see cref="SandboxHost"/> runs.</summary>
public sealed record SandboxHostOptions
{
    /// <summary>
    /// The address Kestrel listens on: loopback unless the caller says otherwise (<c>sandbox serve --listen</c>).
    /// The in-memory host has no socket and ignores it.
    /// </summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>
    /// What <c>POST /sandbox/devicecode/approve</c> requires (form field or JSON property <c>approval_secret</c>, or the
    /// <see cref="DeviceApprovalSecrets.HeaderName"/> header). Null on Kestrel makes a new random one at every start
    /// (<see cref="SandboxHost.DeviceApprovalSecret"/>); null in memory leaves the endpoint open, as nothing but the
    /// test process can reach it.
    /// </summary>
    public string? DeviceApprovalSecret { get; init; }

    /// <summary>
    /// The HTTPS port (Kestrel); null takes a free one. The in-memory host only uses it
    /// in <see cref="SandboxHost.BaseAddress"/>. Later sandbox servers (IMAP, POP, SMTP) take the ports after it.
    /// </summary>
    public int? PortBase { get; init; }

    /// <summary>Faults to start with; <see cref="SandboxHost.Faults"/> can be changed while the host runs.</summary>
    public SandboxFaults? Faults { get; init; }

    /// <summary>
    /// Last word on the host's services before they are built, e.g. a stricter
    /// <see cref="ISandboxCallerValidator"/> than the default that accepts any bearer token.
    /// </summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>How many requests <see cref="SandboxHost.Requests"/> keeps before dropping the oldest.</summary>
    public int RequestLogCapacity { get; init; } = SandboxRequestLog.DefaultCapacity;

    /// <summary>Largest page an Exchange Get- cmdlet answers when the client asks for none (Prefer: odata.maxpagesize).</summary>
    public int ExchangePageSize { get; init; } = 1000;
}
