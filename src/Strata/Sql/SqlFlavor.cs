namespace Strata.Sql;

/// <summary>Which lexical rules the SQL lexer follows.</summary>
public enum SqlFlavor
{
    /// <summary>PostgreSQL: dollar quotes, <c>E''</c> strings, nested block comments, <c>BEGIN ATOMIC</c>.</summary>
    PostgreSql,

    /// <summary>SQLite: <c>[bracket]</c> and <c>`backtick`</c> identifiers, <c>CREATE TRIGGER … BEGIN … END</c>.</summary>
    Sqlite,
}
