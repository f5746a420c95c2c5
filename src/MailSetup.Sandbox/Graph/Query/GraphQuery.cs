using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>The OData query options of a request that the sandbox answers: $filter, $select, $top, $skiptoken.</summary>
internal sealed record GraphQuery(FilterNode? Filter, IReadOnlyList<string>? Select, int? Top, int Offset)
{
    public const int MaxTop = 999;

    public static GraphQuery From(HttpRequest request)
    {
        var query = request.Query;
        return new GraphQuery(ParseFilter(query["$filter"]), ParseSelect(query["$select"]), ParseTop(query["$top"]),
            ParseOffset(query["$skiptoken"]));
    }

    public static string SkipToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static FilterNode? ParseFilter(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return FilterParser.Parse(text);
        }
        catch (FilterSyntaxException error)
        {
            throw GraphException.BadRequest($"Invalid filter clause: {error.Message}.");
        }
        catch (FilterUnsupportedException error)
        {
            throw new GraphException(400, GraphErrorCodes.UnsupportedQuery, $"Unsupported Query: {error.Message}.");
        }
    }

    private static IReadOnlyList<string>? ParseSelect(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? ParseTop(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top))
            throw GraphException.BadRequest($"Invalid value '{text}' for query option $top.");
        if (top is < 1 or > MaxTop)
            throw GraphException.BadRequest($"Invalid page size specified: '{top}'. Must be between 1 and {MaxTop} inclusive.");
        return top;
    }

    private static int ParseOffset(string? token)
    {
        if (string.IsNullOrEmpty(token)) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(Padded(token.Replace('-', '+').Replace('_', '/'))));
            if (text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text["offset:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        catch (FormatException)
        {
        }
        throw GraphException.BadRequest("Invalid $skiptoken value.");
    }

    private static string Padded(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
