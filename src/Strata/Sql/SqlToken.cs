namespace Strata.Sql;

/// <summary>
/// One token of a SQL text, as <see cref="SqlLexer"/> found it: its kind and where it is. Tokens cover the text
/// without gaps or overlaps, so concatenating them gives the text back.
/// </summary>
/// <param name="Kind">What the token is.</param>
/// <param name="Start">The UTF-16 index in the text where the token starts.</param>
/// <param name="Length">The number of UTF-16 code units in the token.</param>
public readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length)
{
    /// <summary>The index just after the token.</summary>
    public int End => Start + Length;

    /// <summary>True for whitespace and comments, which never change what a statement means.</summary>
    public bool IsTrivia => Kind is SqlTokenKind.Whitespace or SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    /// <summary>The token's characters in <paramref name="text"/> (the text the lexer read), without copying.</summary>
    public ReadOnlySpan<char> In(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
