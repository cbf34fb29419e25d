namespace Strata.Schema;

/// <summary>
/// One column as the engine reports it. Types and expressions are the engine's own canonical text (e.g. PostgreSQL's
/// <c>format_type</c> and <c>pg_get_expr</c>), so two states built from the same DDL compare equal.
/// </summary>
/// <param name="Name">The unquoted column name.</param>
/// <param name="Type">The type as the engine prints it, e.g. <c>character varying(80)</c>.</param>
/// <param name="NotNull">True when the column is NOT NULL.</param>
public sealed record ColumnDefinition(string Name, string Type, bool NotNull)
{
    /// <summary>The default expression, or null.</summary>
    public string? Default { get; init; }

    /// <summary>PostgreSQL identity: <c>ALWAYS</c> or <c>BY DEFAULT</c>; null when not an identity column.</summary>
    public string? Identity { get; init; }

    /// <summary>The expression of a generated (computed, stored) column, or null.</summary>
    public string? Generated { get; init; }

    /// <summary>A collation other than the type's default, or null.</summary>
    public string? Collation { get; init; }

    /// <summary>The column comment, or null.</summary>
    public string? Comment { get; init; }

    /// <summary>SQLite only: true for a hidden or virtual generated column kind (<c>VIRTUAL</c>); false for stored.</summary>
    public bool Virtual { get; init; }

    /// <summary>PostgreSQL: the identity sequence's options that differ from the defaults, e.g. <c>START WITH 100 CACHE 5</c>; null for none.</summary>
    public string? IdentityOptions { get; init; }

    /// <summary>PostgreSQL: a storage mode other than the type's (<c>PLAIN</c>, <c>EXTERNAL</c>, <c>EXTENDED</c>, <c>MAIN</c>), or null.</summary>
    public string? Storage { get; init; }

    /// <summary>PostgreSQL 14+: a compression method set on the column (<c>pglz</c>, <c>lz4</c>), or null.</summary>
    public string? Compression { get; init; }

    /// <summary>PostgreSQL: a statistics target set on the column (<c>SET STATISTICS</c>), or null for the default.</summary>
    public int? Statistics { get; init; }

    /// <summary>PostgreSQL: attribute options (<c>SET (n_distinct=…)</c>), e.g. <c>n_distinct=100</c>, or null.</summary>
    public string? Options { get; init; }

    /// <summary>PostgreSQL 18+: the name of the column's NOT NULL constraint when it is not the default <c>table_column_not_null</c>, or null.</summary>
    public string? NotNullName { get; init; }

    /// <summary>
    /// PostgreSQL: the column comes from a parent table (inheritance or partitioning) and is not declared locally; its
    /// <see cref="Default"/> and <see cref="NotNull"/> then hold only what the table sets on top of its parent's.
    /// </summary>
    public bool Inherited { get; init; }
}
