using MailSetup.Core.Clouds;

namespace MailSetupTui.Tui.App;

public enum SignInStatus
{
    NotSignedIn,
    SigningIn,
    SignedIn,
    Failed,
}

/// <summary>The Tenant pane: where the UI works and who is signed in.</summary>
/// <param name="DeviceCode">While a device-code sign-in waits: the code and the address to enter it at.</param>
public sealed record TenantModel(
    bool Sandbox,
    Cloud Cloud,
    string? TenantId = null,
    string? Domain = null,
    string? SignedInAs = null,
    IReadOnlyList<string>? Roles = null,
    SignInStatus Status = SignInStatus.NotSignedIn,
    (string Code, string Url)? DeviceCode = null,
    string? Problem = null);
