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
}
