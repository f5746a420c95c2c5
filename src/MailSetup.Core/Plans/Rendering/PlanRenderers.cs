using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>The plan formats, looked up by name.</summary>
public sealed class PlanRenderers(IEnumerable<IPlanRenderer> renderers)
{
    private readonly IReadOnlyList<IPlanRenderer> _renderers = renderers.OrderBy(r => Order(r.Format)).ToList();

    public IReadOnlyList<string> Formats => _renderers.Select(r => r.Format).ToList();

    public IPlanRenderer Get(string format) =>
        _renderers.FirstOrDefault(r => string.Equals(r.Format, format.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new UnknownNameException("format", format, NameSuggestions.Nearest(format, Formats));

    private static int Order(string format) => Array.IndexOf(["text", "json", "http", "powershell"], format) switch
    {
        -1 => int.MaxValue,
        var index => index,
    };
}
