using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>
/// The writable properties of an application in a create, update or upsert body, read and checked
/// before anything changes (null: not given).
/// </summary>
internal sealed record ApplicationWrite(
    GraphBody Body,
    string? DisplayName,
    string? UniqueName,
    string? Audience,
    List<SandboxRequiredResourceAccess>? Access,
    bool? PublicClient,
    JsonArray? Keys)
{
    public const string Resource = "Application";

    private static readonly string[] Audiences =
        ["AzureADMyOrg", "AzureADMultipleOrgs", "AzureADandPersonalMicrosoftAccount", "PersonalMicrosoftAccount"];

    public static ApplicationWrite Read(GraphBody body)
    {
        var uniqueName = body.String("uniqueName", Resource);
        if (body.Has("uniqueName") && string.IsNullOrWhiteSpace(uniqueName)) throw GraphException.InvalidProperty("uniqueName", Resource);
        return new(body, body.String("displayName", Resource), uniqueName, ReadAudience(body), RequiredResourceAccessReader.Read(body),
            body.Bool("isFallbackPublicClient", Resource), body.Array("keyCredentials", Resource));
    }

    private static string? ReadAudience(GraphBody body)
    {
        var audience = body.String("signInAudience", Resource);
        if (audience is null) return null;
        return Audiences.FirstOrDefault(a => a.Equals(audience, StringComparison.OrdinalIgnoreCase))
               ?? throw GraphException.InvalidProperty("signInAudience", Resource);
    }
}
