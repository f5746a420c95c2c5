namespace MailSetup.Core.Plans;

/// <summary>A plain SMTP address check (local@domain.tld), strict enough to catch typos, no display names.</summary>
public static class MailboxAddress
{
    public const int MaxLength = 254;

    /// <summary>Null when the address is acceptable, else what is wrong with it.</summary>
    public static string? Problem(string address)
    {
        if (address.Length == 0) return "is empty";
        if (address.Length > MaxLength) return $"is longer than {MaxLength} characters";
        if (address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or '"'))
            return "contains spaces or characters an address cannot hold";
        var at = address.IndexOf('@');
        if (at <= 0 || at != address.LastIndexOf('@')) return "needs exactly one @ with a name before it";
        var local = address[..at];
        var domain = address[(at + 1)..];
        if (local.Length > 64) return "has a part before @ longer than 64 characters";
        if (local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return "has a misplaced dot before @";
        var labels = domain.Split('.');
        if (labels.Length < 2) return "needs a domain with a dot after @ (e.g. contoso.com)";
        if (labels.Any(
            l => l.Length == 0 || l.Length > 63 || l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')))
            return "has a domain that is not a valid host name";
        return null;
    }
}
