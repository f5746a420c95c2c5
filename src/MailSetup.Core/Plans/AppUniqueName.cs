using System.Security.Cryptography;
using System.Text;

namespace MailSetup.Core.Plans;

/// <summary>
/// The alternate key (Graph's <c>uniqueName</c>) of an app mailsetup creates, derived from its
/// display name: display names are not unique in Entra, this key is. A re-run finds the app by the
/// key, and an app of the same name without it is someone else's, never adopted by name.
/// </summary>
public static class AppUniqueName
{
    public const string Prefix = "mailsetup-";
    private const int SlugLength = 40;

    /// <summary>
    /// <c>mailsetup-</c>, the name in lower-case letters, digits and hyphens, and 8 hex digits of the exact name's SHA-256, so names
    /// that read alike ("Mail Relay", "mail-relay") still get keys of their own.
    /// </summary>
    public static string For(string displayName)
    {
        var slug = new StringBuilder();
        foreach (var c in displayName.ToLowerInvariant())
        {
            if (slug.Length == SlugLength) break;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(displayName)))[..8];
        var readable = slug.ToString().Trim('-');
        return Prefix + (readable.Length > 0 ? readable + "-" : "") + hash;
    }
}
