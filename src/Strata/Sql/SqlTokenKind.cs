using System.Diagnostics.CodeAnalysis;

namespace Strata.Sql;

/// <summary>What a <see cref="SqlToken"/> is. Produced by <see cref="SqlLexer"/>; read by the splitter and the linter.</summary>
public enum SqlTokenKind
{
    /// <summary>Spaces, tabs, form feeds and line breaks.</summary>
    Whitespace,

    /// <summary><c>-- …</c> up to, not including, the line break.</summary>
    LineComment,

    /// <summary><c>/* … */</c>, nested in PostgreSQL.</summary>
    BlockComment,

    /// <summary>A keyword or unquoted identifier (<c>CREATE</c>, <c>users</c>, <c>a$b</c>).</summary>
    Word,

    /// <summary><c>"name"</c>, <c>U&amp;"name"</c>, and in SQLite <c>`name`</c> and <c>[name]</c>.</summary>
    QuotedIdentifier,

    /// <summary>A single-quoted literal: <c>'…'</c>, <c>E'…'</c>, <c>U&amp;'…'</c>, <c>B'…'</c>, <c>X'…'</c>, <c>N'…'</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "SQL calls this token a string literal.")]
    String,

    /// <summary>A PostgreSQL dollar-quoted literal: <c>$$…$$</c> or <c>$tag$…$tag$</c>.</summary>
    DollarString,

    /// <summary>A numeric literal (<c>42</c>, <c>1.5e3</c>, <c>.5</c>, <c>0x1F</c>).</summary>
    Number,

    /// <summary>A bind parameter: <c>$1</c> in PostgreSQL; <c>?</c>, <c>?1</c>, <c>:name</c>, <c>@name</c>, <c>$name</c> in SQLite.</summary>
    Parameter,

    /// <summary>An operator or punctuation other than the kinds below (<c>=</c>, <c>::</c>, <c>.</c>, <c>[</c>).</summary>
    Operator,

    /// <summary><c>(</c></summary>
    OpenParen,

    /// <summary><c>)</c></summary>
    CloseParen,

    /// <summary><c>;</c></summary>
    Semicolon,

    /// <summary><c>,</c></summary>
    Comma,

    /// <summary>A psql meta-command (PostgreSQL only): a backslash and the rest of its line, e.g. <c>\i file.sql</c>.</summary>
    MetaCommand,

    /// <summary>A string, quoted identifier, dollar quote or block comment that is never closed; runs to the end of the text.</summary>
    Unterminated,
}
