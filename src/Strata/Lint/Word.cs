using Strata.Sql;

namespace Strata.Lint;

/// <summary>One significant token of a <see cref="StatementView"/>.</summary>
/// <param name="Kind">The lexer's kind.</param>
/// <param name="Upper">Words upper-cased; other tokens as written.</param>
/// <param name="Raw">The token as written.</param>
/// <param name="Depth">How many parentheses enclose it.</param>
/// <param name="Start">Where it starts in the statement text.</param>
internal readonly record struct Word(SqlTokenKind Kind, string Upper, string Raw, int Depth, int Start)
{
    /// <summary>True for an unquoted word equal to <paramref name="keyword"/> (upper-case).</summary>
    public bool IsKeyword(string keyword) => Kind == SqlTokenKind.Word && Upper == keyword;

    /// <summary>The identifier the token names: unquoted words lower-cased, quoted ones without quotes.</summary>
    public string Identifier => Kind == SqlTokenKind.QuotedIdentifier && Raw.Length >= 2
        ? Raw[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
        : Raw.ToLowerInvariant();
}
