namespace Strata;

/// <summary>
/// Which database engine a target, a dialect implementation or a piece of SQL belongs to. The one word for the idea
/// (ADR 025): <see cref="Execution.IDialect"/> is its implementation, <c>PostgreSqlDialect</c> and <c>SqliteDialect</c>
/// the two that ship. <see cref="DialectNames.ToName"/> gives the lowercase name used in output.
/// </summary>
public enum Dialect
{
    /// <summary>
    /// PostgreSQL, through Npgsql: dollar quotes, <c>E''</c> strings, nested block comments, <c>BEGIN ATOMIC</c>;
    /// types as <c>format_type</c> prints them.
    /// </summary>
    PostgreSql,

    /// <summary>
    /// An SQLite file, through Microsoft.Data.Sqlite: <c>[bracket]</c> and <c>`backtick`</c> identifiers,
    /// <c>CREATE TRIGGER … BEGIN … END</c>; declared column types mapped by name and affinity.
    /// </summary>
    Sqlite,
}
