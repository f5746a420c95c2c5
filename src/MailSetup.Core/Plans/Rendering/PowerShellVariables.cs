using System.Text;
using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// One PowerShell variable per reference, named for a reader: a table for the well-known names, the
/// resource service principals as <c>$exoResourceId</c>, permission ids as entries of one
/// <c>$permissionIds</c> table keyed by reference name, and camel case of the name for anything new.
/// </summary>
internal sealed partial class PowerShellVariables
{
    public const string PermissionTable = "permissionIds";

    private static readonly IReadOnlyDictionary<string, string> WellKnown = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [References.AppObjectId.Name] = "appObjectId",
        [References.AppClientId.Name] = "appId",
        [References.AppDisplayName.Name] = "appDisplayName",
        [References.ServicePrincipalId.Name] = "spObjectId",
        [References.SecretValue.Name] = "secretValue",
        [References.SecretKeyId.Name] = "secretKeyId",
        [References.CertificateKey.Name] = "certificateKey",
        [References.CertificateThumbprint.Name] = "certificateThumbprint",
        [References.GroupDistinguishedName.Name] = "groupDn",
        [References.ExchangeAppIdentity.Name] = "exoAppIdentity",
    };

    /// <summary>
    /// Names the script and PowerShell already use (names ignore case). The helper functions' own
    /// names are here too: a script block handed to a helper runs inside it and would see them.
    /// </summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "answer", "item", "body", "current", "result", "tenantId", "scriptFolder", "certificate",
        "certificateFile", "certificateRequest", "pfxPassword", "pfxPasswordAgain", "rsa", "notBefore",
        "SecretFile", PermissionTable,
        "Request", "delays", "attempt", "transient", "Uri", "Collection", "Wanted", "page", "candidate", "equal",
        "name", "Query", "Path", "Bytes", "options", "stream", "Body", "Current", "Properties", "patch", "property",
        "merged", "kept", "added", "same", "access",
        "_", "null", "true", "false", "args", "input", "this", "error", "host", "home", "matches", "PSItem",
    };

    private static readonly HashSet<string> PermissionNames =
        PermissionCatalog.All.Select(p => References.PermissionId(p).Name).ToHashSet(StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, ApiResource> ResourceNames =
        ApiResource.All.ToDictionary(r => References.ResourceServicePrincipal(r).Name, StringComparer.Ordinal);

    private readonly Dictionary<string, Reference> _known = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _expressions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _produced = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(Reserved, StringComparer.OrdinalIgnoreCase);

    public PowerShellVariables(Plan plan)
    {
        foreach (var reference in References.All.Concat(plan.References))
            _known.TryAdd(reference.Name, reference);
        UsesPermissionTable = plan.References.Any(r => PermissionNames.Contains(r.Name))
            || plan.Steps.SelectMany(s => s.Consumes).Any(r => PermissionNames.Contains(r.Name));
    }

    /// <summary>
    /// Marks references as filled by a step written so far. Only those are substituted: a
    /// reference cannot be used before it exists, so <c>{app.id}</c> typed into an app's name is
    /// left as the text it is.
    /// </summary>
    public void Produced(IEnumerable<Reference> references)
    {
        foreach (var reference in references) _produced.Add(reference.Name);
    }

    /// <summary>Whether the script needs the <c>$permissionIds</c> table.</summary>
    public bool UsesPermissionTable { get; }

    /// <summary>The expression that reads or assigns the reference's value.</summary>
    public string For(Reference reference)
    {
        if (_expressions.TryGetValue(reference.Name, out var known)) return known;
        var expression = PermissionNames.Contains(reference.Name)
            ? $"${PermissionTable}[{PowerShellQuoting.SingleQuoted(reference.Name)}]"
            : "$" + Claim(NameFor(reference.Name));
        _expressions[reference.Name] = expression;
        return expression;
    }

    /// <summary>
    /// Text that may hold <c>{references}</c> as a string expression: <c>'literal'</c>,
    /// <c>$spObjectId</c>, or <c>"MemberOfGroup -eq '$groupDn'"</c>.
    /// </summary>
    public string Expression(string text)
    {
        var result = new PowerShellString();
        var last = 0;
        foreach (var (index, length, reference) in Placeholders(text))
        {
            result.Text(text[last..index]).Variable(For(reference));
            last = index + length;
        }
        return result.Text(text[last..]).ToString();
    }

    /// <summary>The known references the text holds, each once, in order of appearance.</summary>
    public IReadOnlyList<Reference> ReferencesIn(string? text) =>
        text is null ? [] : Placeholders(text).Select(p => p.Reference).DistinctBy(r => r.Name).ToList();

    private IEnumerable<(int Index, int Length, Reference Reference)> Placeholders(string text)
    {
        // Only references produced so far count: JSON or filter text may hold other braces.
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            if (_produced.Contains(match.Groups[1].Value) && _known.TryGetValue(match.Groups[1].Value, out var reference))
                yield return (match.Index, match.Length, reference);
        }
    }

    private static string NameFor(string referenceName)
    {
        if (WellKnown.TryGetValue(referenceName, out var name)) return name;
        if (ResourceNames.TryGetValue(referenceName, out var resource)) return CamelCase(resource.Key) + "ResourceId";
        return CamelCase(referenceName);
    }

    /// <summary><c>foo.bar-baz</c> becomes <c>fooBarBaz</c>.</summary>
    private static string CamelCase(string text)
    {
        var name = new StringBuilder();
        foreach (var word in WordSeparator().Split(text))
        {
            if (word.Length == 0) continue;
            name.Append(name.Length == 0 ? char.ToLowerInvariant(word[0]) : char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
        }
        if (name.Length == 0 || char.IsAsciiDigit(name[0])) name.Insert(0, "ref");
        return name.ToString();
    }

    private string Claim(string name)
    {
        var candidate = name;
        for (var i = 2; !_taken.Add(candidate); i++) candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_.\-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("[^A-Za-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSeparator();
}
