namespace MailSetup.Core.Plans;

/// <summary>X.500 subject names for the self-signed certificate.</summary>
public static class CertificateSubject
{
    /// <summary>
    /// <c>CN=name</c>, with the name quoted (RFC 4514 style) when it holds characters that would
    /// otherwise end or split the attribute, such as commas or plus signs.
    /// </summary>
    public static string CommonName(string name)
    {
        var special = name.IndexOfAny([',', '+', '"', '\\', '<', '>', ';', '=', '#']) >= 0 || name != name.Trim();
        return special
            ? "CN=\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : "CN=" + name;
    }
}
