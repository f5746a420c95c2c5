using System.Text.RegularExpressions;

namespace MailSetup.Sandbox.Faults;

/// <summary>
/// Which requests a fault rule applies to: an HTTP method (null for any) and a path (exact, prefix
/// or regular expression, case-insensitive, without the query), or an Exchange cmdlet name.
/// Paths are the host's: <c>/v1.0/applications</c>, <c>/adminapi/beta/...</c>.
/// </summary>
public sealed class FaultMatch
{
    private readonly Regex? _pattern;

    private FaultMatch(string? method, string? path, FaultPathKind pathKind, string? cmdletName)
    {
        Method = method?.ToUpperInvariant();
        Path = path;
        PathKind = pathKind;
        CmdletName = cmdletName;
        if (pathKind == FaultPathKind.Pattern && path is not null)
            _pattern = new Regex(path, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string? Method { get; }
    public string? Path { get; }
    public FaultPathKind PathKind { get; }
    public string? CmdletName { get; }

    /// <summary>Every request.</summary>
    public static FaultMatch Any { get; } = new(null, null, FaultPathKind.Any, null);

    /// <summary>Requests to exactly this path (e.g. <c>POST /v1.0/servicePrincipals</c>).</summary>
    public static FaultMatch ExactPath(string? method, string path) => new(method, path, FaultPathKind.Exact, null);

    /// <summary>Requests whose path starts with this (e.g. <c>/v1.0/applications</c> also matches
    /// <c>/v1.0/applications/{id}/addPassword</c>).</summary>
    public static FaultMatch PathPrefix(string? method, string prefix) => new(method, prefix, FaultPathKind.Prefix, null);

    /// <summary>Requests whose path matches a regular expression somewhere (anchor it with ^ and $ for a whole match).</summary>
    public static FaultMatch PathPattern(string? method, string pattern) => new(method, pattern, FaultPathKind.Pattern, null);

    /// <summary>Exchange admin API calls of this cmdlet (e.g. <c>New-ServicePrincipal</c>).</summary>
    public static FaultMatch Cmdlet(string cmdletName) => new("POST", null, FaultPathKind.Any, cmdletName);

    internal bool Matches(FaultRequest request)
    {
        if (Method is not null && Method != request.Method) return false;
        if (CmdletName is not null && !CmdletName.Equals(request.CmdletName, StringComparison.OrdinalIgnoreCase)) return false;
        return PathKind switch
        {
            FaultPathKind.Exact => request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase),
            FaultPathKind.Prefix => request.Path.StartsWith(Path!, StringComparison.OrdinalIgnoreCase),
            FaultPathKind.Pattern => _pattern!.IsMatch(request.Path),
            _ => true,
        };
    }

    public override string ToString() =>
        CmdletName is not null ? $"cmdlet {CmdletName}" : $"{Method ?? "*"} {PathKind.ToString().ToLowerInvariant()} {Path ?? "*"}";
}

public enum FaultPathKind
{
    Any,
    Exact,
    Prefix,
    Pattern,
}
