using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>Directory object ids as Graph checks and makes them.</summary>
internal static class DirectoryIds
{
    /// <summary>The id in canonical form; a non-GUID answers Graph's "Invalid object identifier".</summary>
    public static string Require(string id) =>
        Guid.TryParse(id, out var guid) ? guid.ToString() : throw GraphException.InvalidId(id);

    /// <summary>
    /// An id for an app role assignment or permission grant. Entra's are 43 base64url characters, not
    /// GUIDs, and clients must not assume otherwise; these are made from the tenant's id counter.
    /// </summary>
    public static string NewOpaque(TenantState state)
    {
        var bytes = Guid.Parse(state.NewId()).ToByteArray().Concat(Guid.Parse(state.NewId()).ToByteArray()).ToArray();
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool SameId(string a, string b) => a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
