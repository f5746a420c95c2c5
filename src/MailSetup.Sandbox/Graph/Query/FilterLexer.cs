using System.Text;

namespace MailSetup.Sandbox.Graph.Query;

/// <summary>Splits a <c>$filter</c> into tokens: words, 'string literals' (with '' for a quote), numbers, bare GUIDs, ( ) , :</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokens(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new(FilterTokenKind.Open, "(", i++)); continue;
                case ')': tokens.Add(new(FilterTokenKind.Close, ")", i++)); continue;
                case ',': tokens.Add(new(FilterTokenKind.Comma, ",", i++)); continue;
                case ':': tokens.Add(new(FilterTokenKind.Colon, ":", i++)); continue;
                case '\'':
                    tokens.Add(new(FilterTokenKind.String, ReadString(text, ref i), start));
                    continue;
            }
            if (!IsWordChar(c)) throw new FilterSyntaxException($"unexpected character '{c}' at position {i}");
            while (i < text.Length && IsWordChar(text[i])) i++;
            var word = text[start..i];
            var kind = Guid.TryParseExact(word, "D", out _) ? FilterTokenKind.Guid
                : char.IsAsciiDigit(word[0]) || word[0] == '-' ? FilterTokenKind.Number
                : FilterTokenKind.Word;
            tokens.Add(new(kind, word, start));
        }
        tokens.Add(new(FilterTokenKind.End, "", text.Length));
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or '@' or '$';

    private static string ReadString(string text, ref int i)
    {
        var value = new StringBuilder();
        i++; // opening quote
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }
                i++;
                return value.ToString();
            }
            value.Append(text[i++]);
        }
        throw new FilterSyntaxException("a string literal is not closed");
    }
}

internal sealed class FilterSyntaxException(string message) : Exception(message);
