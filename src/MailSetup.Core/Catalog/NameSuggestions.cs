namespace MailSetup.Core.Catalog;

/// <summary>Suggests known names close to a mistyped one (case-insensitive edit distance).</summary>
public static class NameSuggestions
{
    /// <summary>Up to <paramref name="most"/> names within a distance that scales with the name's length.</summary>
    public static IReadOnlyList<string> Nearest(string typed, IEnumerable<string> known, int most = 3)
    {
        var wanted = typed.Trim().ToLowerInvariant();
        var limit = Math.Max(2, wanted.Length / 3);
        return known
            .Select(
                k => (Name: k, Distance: Distance(wanted, k.ToLowerInvariant()), Prefix: k.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)))
            .Where(x => x.Distance <= limit || (wanted.Length >= 3 && x.Prefix))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Take(most)
            .Select(x => x.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance with two rows.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
