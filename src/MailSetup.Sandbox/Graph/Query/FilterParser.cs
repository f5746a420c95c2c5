using System.Globalization;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>
/// Parses the OData <c>$filter</c> subset the directory answers for these endpoints: <c>eq</c>,
/// <c>ne</c>, <c>in (...)</c>, <c>startswith(prop,'x')</c>, <c>and</c>, <c>or</c>, <c>not</c>,
/// parentheses; literals are 'strings', GUIDs, numbers, true, false, null. Lambdas
/// (<c>any</c>/<c>all</c>) and other functions are reported as unsupported, as Graph does for
/// properties that do not support them.
/// </summary>
internal sealed class FilterParser
{
    private readonly List<FilterToken> _tokens;
    private int _at;

    private FilterParser(string text) => _tokens = FilterLexer.Tokens(text);

    /// <exception cref="FilterSyntaxException">The filter cannot be parsed.</exception>
    /// <exception cref="FilterUnsupportedException">The filter uses something this subset does not answer.</exception>
    public static FilterNode Parse(string text)
    {
        var parser = new FilterParser(text);
        var node = parser.Or();
        if (parser.Peek.Kind != FilterTokenKind.End) throw parser.Unexpected();
        return node;
    }

    private FilterToken Peek => _tokens[_at];

    private FilterToken Take() => _tokens[_at++];

    private FilterNode Or()
    {
        var node = And();
        while (Peek.IsWord("or"))
        {
            Take();
            node = new OrNode(node, And());
        }
        return node;
    }

    private FilterNode And()
    {
        var node = Unary();
        while (Peek.IsWord("and"))
        {
            Take();
            node = new AndNode(node, Unary());
        }
        return node;
    }

    private FilterNode Unary()
    {
        if (Peek.IsWord("not"))
        {
            Take();
            return new NotNode(Unary());
        }
        if (Peek.Kind == FilterTokenKind.Open)
        {
            Take();
            var inner = Or();
            Expect(FilterTokenKind.Close);
            return inner;
        }
        return Comparison();
    }

    private FilterNode Comparison()
    {
        var name = Take();
        if (name.Kind != FilterTokenKind.Word) throw Unexpected(name);
        if (Peek.Kind == FilterTokenKind.Open) return Function(name);
        if (name.Text.Contains('/')) throw new FilterUnsupportedException($"the property path '{name.Text}' is not supported");

        var op = Take();
        if (op.IsWord("eq") || op.IsWord("ne")) return new EqualsNode(name.Text, op.IsWord("ne"), Literal());
        if (op.IsWord("in"))
        {
            Expect(FilterTokenKind.Open);
            var values = new List<object?> { Literal() };
            while (Peek.Kind == FilterTokenKind.Comma)
            {
                Take();
                values.Add(Literal());
            }
            Expect(FilterTokenKind.Close);
            return new InNode(name.Text, values);
        }
        if (op.Kind == FilterTokenKind.Word && op.Text.ToLowerInvariant() is "gt" or "ge" or "lt" or "le" or "has")
            throw new FilterUnsupportedException($"the operator '{op.Text}' is not supported");
        throw Unexpected(op);
    }

    private FilterNode Function(FilterToken name)
    {
        if (!name.Text.Equals("startswith", StringComparison.OrdinalIgnoreCase))
            throw new FilterUnsupportedException($"the function '{name.Text}' is not supported");
        Expect(FilterTokenKind.Open);
        var property = Take();
        if (property.Kind != FilterTokenKind.Word) throw Unexpected(property);
        Expect(FilterTokenKind.Comma);
        var prefix = Take();
        if (prefix.Kind != FilterTokenKind.String) throw Unexpected(prefix);
        Expect(FilterTokenKind.Close);
        return new StartsWithNode(property.Text, prefix.Text);
    }

    private object? Literal()
    {
        var token = Take();
        return token.Kind switch
        {
            FilterTokenKind.String => token.Text,
            FilterTokenKind.Guid => token.Text,
            FilterTokenKind.Number when decimal.TryParse(token.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => number,
            FilterTokenKind.Word when token.IsWord("true") => true,
            FilterTokenKind.Word when token.IsWord("false") => false,
            FilterTokenKind.Word when token.IsWord("null") => null,
            _ => throw Unexpected(token),
        };
    }

    private void Expect(FilterTokenKind kind)
    {
        var token = Take();
        if (token.Kind != kind) throw Unexpected(token);
    }

    private FilterSyntaxException Unexpected(FilterToken? token = null)
    {
        token ??= Peek;
        return token.Kind == FilterTokenKind.End
            ? new FilterSyntaxException("the expression ends too early")
            : new FilterSyntaxException($"syntax error at position {token.Position} near '{token.Text}'");
    }
}

internal sealed class FilterUnsupportedException(string message) : Exception(message);
