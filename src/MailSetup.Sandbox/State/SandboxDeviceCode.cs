namespace MailSetup.Sandbox.State;

/// <summary>
/// A device code sign-in in progress: asked for by an app, waiting for a person to approve its
/// user code. The device code itself is a bearer secret, so only its hash is kept.
/// </summary>
public sealed class SandboxDeviceCode
{
    /// <summary>What the person types (upper case letters and digits).</summary>
    public required string UserCode { get; set; }

    /// <summary>SHA-256 (hex) of the device code the app polls with.</summary>
    public required string DeviceCodeHash { get; set; }

    public required string ClientAppId { get; set; }

    /// <summary>The scopes asked for, as the app sent them.</summary>
    public required string Scope { get; set; }

    public DateTimeOffset ExpiresDateTime { get; set; }

    /// <summary>Set when a person approved the code: the user the token is for.</summary>
    public string? ApprovedUserId { get; set; }
}
