using System.Security.Cryptography;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>A device code sign-in waiting for a person, as a sandbox UI lists it.</summary>
public sealed record PendingDeviceCode(string UserCode, string ClientAppId, string ClientDisplayName, string Scope, DateTimeOffset ExpiresDateTime,
    bool Approved);

/// <summary>
/// The person's side of device code sign-in. In Entra a person opens the verification page, types
/// the user code and signs in; in the sandbox, tests and the sandbox UI call <see cref="Approve"/>
/// (or <c>POST /sandbox/devicecode/approve</c>). Any instance over the same tenant sees the same
/// codes: they live in the tenant, the device code itself only as a hash.
/// </summary>
public sealed class SandboxDeviceCodes(SandboxTenant tenant, TimeProvider? clock = null)
{
    /// <summary>How long a code waits for approval (Entra: 15 minutes).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>Seconds between polls that the devicecode answer asks for (Entra: 5).</summary>
    public const int PollingIntervalSeconds = 5;

    // No 0/O or 1/I: people read the code off one screen and type it into another.
    private const string UserCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private readonly TimeProvider _clock = clock ?? tenant.Clock;

    /// <summary>Codes not yet redeemed and not expired, oldest first.</summary>
    public IReadOnlyList<PendingDeviceCode> Pending()
    {
        var now = _clock.GetUtcNow();
        return tenant.Read(state => state.DeviceCodes
            .Where(c => c.ExpiresDateTime > now)
            .Select(c => new PendingDeviceCode(c.UserCode, c.ClientAppId,
                state.Applications.Concat(state.ExternalApplications).FirstOrDefault(a => a.AppId == c.ClientAppId)?.DisplayName ?? c.ClientAppId,
                c.Scope, c.ExpiresDateTime, c.ApprovedUserId is not null))
            .ToList());
    }

    /// <summary>
    /// Signs <paramref name="userPrincipalName"/> in for the code: the app's next poll gets its tokens
    /// (or the consent error, if the app lacks consent). Throws when there is no such pending code,
    /// or the user does not exist or cannot sign in.
    /// </summary>
    public void Approve(string userCode, string userPrincipalName)
    {
        var now = _clock.GetUtcNow();
        var code = Normalize(userCode);
        tenant.Change(state =>
        {
            var entry = state.DeviceCodes.FirstOrDefault(c => c.UserCode == code && c.ExpiresDateTime > now)
                ?? throw new InvalidOperationException($"No device code sign-in is waiting for the code '{userCode}' (it may have expired).");
            var user = state.Users.FirstOrDefault(u => u.UserPrincipalName.Equals(userPrincipalName.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"The user '{userPrincipalName}' does not exist in {state.DefaultDomain}.");
            if (!user.AccountEnabled)
                throw new InvalidOperationException($"The user '{userPrincipalName}' cannot sign in (a shared mailbox, or a disabled account).");
            entry.ApprovedUserId = user.Id;
        });
    }

    /// <summary>Records a new sign-in and returns the device code the app polls with (kept only as a hash).</summary>
    internal (string DeviceCode, SandboxDeviceCode Entry) Start(string clientAppId, string scope)
    {
        var now = _clock.GetUtcNow();
        var deviceCode = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var entry = tenant.Change(state =>
        {
            state.DeviceCodes.RemoveAll(c => c.ExpiresDateTime <= now);
            var userCode = NewUserCode(state);
            var added = new SandboxDeviceCode
            {
                UserCode = userCode,
                DeviceCodeHash = SecretHash.Of(deviceCode),
                ClientAppId = clientAppId,
                Scope = scope,
                ExpiresDateTime = now + Lifetime,
            };
            state.DeviceCodes.Add(added);
            return added;
        });
        return (deviceCode, entry);
    }

    private static string NewUserCode(TenantState state)
    {
        while (true)
        {
            var code = RandomNumberGenerator.GetString(UserCodeAlphabet, 9);
            if (state.DeviceCodes.All(c => c.UserCode != code)) return code;
        }
    }

    private static string Normalize(string userCode) => userCode.Trim().Replace("-", "").ToUpperInvariant();
}
