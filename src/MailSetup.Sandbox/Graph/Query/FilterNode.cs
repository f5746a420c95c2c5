using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>
/// A parsed OData <c>$filter</c>, tested against an object in its Graph JSON shape. String
/// comparisons ignore case, as the directory's do.
/// </summary>
internal abstract record FilterNode
{
    public abstract bool Test(JsonObject item);

    /// <summary>Every property the filter names, to check they exist.</summary>
    public abstract IEnumerable<string> Properties { get; }

    protected static JsonNode? ValueOf(JsonObject item, string name)
    {
        foreach (var (key, node) in item)
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase)) return node;
        return null;
    }

    protected static bool Same(JsonNode? node, object? literal) => (node, literal) switch
    {
        (null, null) => true,
        (JsonValue value, string text) => value.TryGetValue<string>(out var s) && s.Equals(text, StringComparison.OrdinalIgnoreCase),
        (JsonValue value, bool flag) => value.TryGetValue<bool>(out var b) && b == flag,
        (JsonValue value, decimal number) => value.TryGetValue<decimal>(out var d) && d == number,
        _ => false,
    };
}

/// <summary><c>name eq value</c>, or <c>ne</c> when negated.</summary>
internal sealed record EqualsNode(string Name, bool Negated, object? Value) : FilterNode
{
    public override bool Test(JsonObject item) => Same(ValueOf(item, Name), Value) != Negated;
    public override IEnumerable<string> Properties => [Name];
}

internal sealed record StartsWithNode(string Name, string Prefix) : FilterNode
{
    public override bool Test(JsonObject item) =>
        ValueOf(item, Name) is JsonValue value && value.TryGetValue<string>(out var text)
        && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    public override IEnumerable<string> Properties => [Name];
}

internal sealed record InNode(string Name, IReadOnlyList<object?> Values) : FilterNode
{
    public override bool Test(JsonObject item)
    {
        var node = ValueOf(item, Name);
        return Values.Any(v => Same(node, v));
    }

    public override IEnumerable<string> Properties => [Name];
}

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode
{
    public override bool Test(JsonObject item) => Left.Test(item) && Right.Test(item);
    public override IEnumerable<string> Properties => Left.Properties.Concat(Right.Properties);
}

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode
{
    public override bool Test(JsonObject item) => Left.Test(item) || Right.Test(item);
    public override IEnumerable<string> Properties => Left.Properties.Concat(Right.Properties);
}

internal sealed record NotNode(FilterNode Inner) : FilterNode
{
    public override bool Test(JsonObject item) => !Inner.Test(item);
    public override IEnumerable<string> Properties => Inner.Properties;
}
