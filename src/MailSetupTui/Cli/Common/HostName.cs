namespace MailSetupTui.Cli;

/// <summary>
/// Checks that a host override is a plausible DNS name. Catches the usual slips (a URL, a port,
/// a path, a bare word) before they turn into a confusing connection error much later.
/// </summary>
internal static class HostName
{
    private const int MaxLength = 253;

    /// <summary>Null when <paramref name="host"/> is a plausible server to connect to: a DNS name or an IP address.</summary>
    public static string? ServerProblem(string host) =>
        System.Net.IPAddress.TryParse(host, out _) && host.IndexOfAny(['.', ':']) >= 0 ? null : Problem(host);

    /// <summary>Null when the name is plausible, else what is wrong with it.</summary>
    public static string? Problem(string host)
    {
        if (host.Length == 0) return "is empty";
        if (host.Any(char.IsControl)) return "holds a control character";
        if (host.Any(char.IsWhiteSpace)) return "holds a space";
        if (host.Contains("://", StringComparison.Ordinal)) return "is a URL, not a host name";
        if (host.IndexOfAny(['/', ':', '@', '?', '#']) >= 0) return "has a port, path or user part";
        if (host.Length > MaxLength) return $"is longer than {MaxLength} characters";
        var labels = host.Split('.');
        // No top-level domain is all digits: this is an address, and a cloud's hosts are names (certificates, scopes, URLs).
        if (labels[^1].Length > 0 && labels[^1].All(char.IsAsciiDigit)) return "is an IP address, not a host name";
        if (labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            return "is not a DNS name (letters, digits and hyphens in dot-separated labels of up to 63 characters)";
        // A bare word is almost always a typo for a full name; localhost is the exception worth keeping (sandbox).
        if (labels.Length < 2 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return "has no domain (no dot)";
        return null;
    }
}
