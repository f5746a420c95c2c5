namespace MailSetup.Core.Plans;

/// <summary>
/// How people sign in to an app with delegated permissions: Entra's two documented shapes, which exclude each other. A public client
/// (device code or interactive, "Allow public client flows" on) holds no secret; a confidential one holds a secret and signs users in
/// with the password flow (ROPC), its public client flows off. A public client that presents a secret is refused (AADSTS700025).
/// </summary>
public enum DelegatedFlow
{
    DeviceCode,
    Password,
}

public static class DelegatedFlows
{
    public const string DeviceName = "device";
    public const string PasswordName = "password";

    public static string Name(DelegatedFlow flow) => flow == DelegatedFlow.DeviceCode ? DeviceName : PasswordName;

    public static bool TryParse(string? text, out DelegatedFlow flow)
    {
        flow = DelegatedFlow.DeviceCode;
        switch (text?.Trim().ToLowerInvariant())
        {
            case DeviceName:
                return true;
            case PasswordName:
                flow = DelegatedFlow.Password;
                return true;
            default:
                return false;
        }
    }
}
