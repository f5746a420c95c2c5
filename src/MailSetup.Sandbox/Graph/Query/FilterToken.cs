namespace MailSetup.Sandbox.Graph.Query;

internal enum FilterTokenKind
{
    Word,
    String,
    Number,
    Guid,
    Open,
    Close,
    Comma,
    Colon,
    End,
}

/// <summary>One token of a <c>$filter</c>; <see cref="Text"/> is the unquoted value for strings.</summary>
internal sealed record FilterToken(FilterTokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == FilterTokenKind.Word && Text.Equals(word, StringComparison.OrdinalIgnoreCase);
}
