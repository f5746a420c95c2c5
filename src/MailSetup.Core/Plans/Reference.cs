using System.Security.Cryptography;
using System.Text;

namespace MailSetup.Core.Plans;

/// <summary>
/// A value a plan step produces at run time and later steps consume, written <c>{name}</c>.
/// Offline, the Graph SDK's typed builders cannot hold <c>{app.id}</c> (it is URL-encoded in paths
/// and does not fit <c>Guid?</c> properties), so each reference has a GUID-shaped stand-in derived
/// from its name; renderers turn stand-ins back into <c>{name}</c>.
/// <see cref="Secret"/> references (a new client secret) are never rendered or logged.
/// </summary>
public sealed record Reference(string Name, string Description, bool Secret = false)
{
    public string Placeholder => "{" + Name + "}";

    /// <summary>Deterministic GUID from the name (SHA-256), so plans are byte-stable.</summary>
    public Guid StandIn { get; } = StandInFor(Name);

    /// <summary>Stand-in for binary values (certificate bytes): base64 of these bytes marks the reference.</summary>
    public byte[] StandInBytes => Encoding.ASCII.GetBytes($"mailsetup-reference:{Name}:");

    public string StandInBase64 => Convert.ToBase64String(StandInBytes);

    public override string ToString() => Placeholder;

    private static Guid StandInFor(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("mailsetup-reference:" + name));
        return new Guid(hash.AsSpan(0, 16));
    }
}
