namespace Strata.Schema;

/// <summary>
/// Which part of a database to work with, like Drizzle's <c>schemaFilter</c>/<c>tablesFilter</c>: schema and table
/// name patterns (<c>*</c> matches any run of characters) and tables to leave out (Strata's history tables). Empty
/// include lists include everything. Used by <see cref="DatabaseSchema.Filter"/>.
/// </summary>
public sealed record SchemaFilter
{
    /// <summary>Everything.</summary>
    public static SchemaFilter All { get; } = new();

    /// <summary>Schema name patterns to keep (<c>--schema</c>); empty: all.</summary>
    public IReadOnlyList<string> Schemas { get; init; } = [];

    /// <summary>Table name patterns to keep (<c>--table</c>), matched against <c>schema.name</c> when the pattern has a dot, else against <c>name</c>; empty: all.</summary>
    public IReadOnlyList<string> Tables { get; init; } = [];

    /// <summary>Tables always left out, e.g. <c>strata_migrations</c> and its audit table.</summary>
    public IReadOnlyList<QualifiedName> ExcludedTables { get; init; } = [];

    /// <summary>True when the schema named <paramref name="schema"/> is kept.</summary>
    public bool IncludesSchema(string? schema) => Schemas.Count == 0 || schema is null || Schemas.Any(p => Glob(p, schema));

    /// <summary>True when a non-table object named <paramref name="name"/> is kept (by its schema).</summary>
    public bool IncludesObject(QualifiedName name) => IncludesSchema(name.Schema);

    /// <summary>True when the table is kept.</summary>
    public bool IncludesTable(QualifiedName name)
    {
        if (ExcludedTables.Any(e => e.Name == name.Name && (e.Schema is null || name.Schema is null || e.Schema == name.Schema)))
        {
            return false;
        }

        return IncludesSchema(name.Schema) && (Tables.Count == 0 || Tables.Any(p => p.Contains('.', StringComparison.Ordinal) ? Glob(p, name.ToString()) : Glob(p, name.Name)));
    }

    internal static bool Glob(string pattern, string text)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var found = i == 0 ? (text.StartsWith(part, StringComparison.Ordinal) ? 0 : -1) : text.IndexOf(part, position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + part.Length;
        }

        return parts[^1].Length == 0 || text.EndsWith(parts[^1], StringComparison.Ordinal) && position <= text.Length;
    }
}
