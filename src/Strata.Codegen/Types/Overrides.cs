using Strata.Codegen.Model;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Codegen;

/// <summary>
/// The per-type and per-column overrides with their keys normalised (type aliases such as <c>timestamptz</c> resolved;
/// SQLite declared types upper-cased). A key that matches nothing generated is bad input: it is almost always a typo.
/// </summary>
internal sealed class Overrides
{
    private readonly Dictionary<string, TypeOverride> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ColumnOverride> _columns;

    public Overrides(CodegenOptions options)
    {
        foreach (var (key, value) in options.Types)
        {
            _types[Normalise(key, options.Dialect)] = value;
        }

        _columns = new Dictionary<string, ColumnOverride>(options.Columns, StringComparer.Ordinal);
    }

    public TypeOverride? Type(string key) => _types.GetValueOrDefault(key);

    /// <summary>The override of column <paramref name="column"/> of <paramref name="owner"/>: by <c>schema.table.column</c>, else <c>table.column</c>.</summary>
    public ColumnOverride? Column(QualifiedName owner, string column) =>
        _columns.Count == 0 ? null : _columns.GetValueOrDefault($"{owner}.{column}") ?? _columns.GetValueOrDefault($"{owner.Name}.{column}");

    /// <summary>Throws when a column override names no generated column, or a type override no type of the schema or the mapping.</summary>
    public static void CheckAllMatch(CodegenModel model, CodegenOptions options)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relation in model.Relations)
        {
            foreach (var column in relation.Columns)
            {
                columns.Add($"{relation.Name}.{column.Name}");
                columns.Add($"{relation.Name.Name}.{column.Name}");
            }
        }

        foreach (var key in options.Columns.Keys.Where(k => !columns.Contains(k)).Order(StringComparer.Ordinal))
        {
            throw new ConfigurationException(
                $"codegen: \"columns\" names {key}, which is no column of a generated table or view",
                "write it as schema.table.column (or table.column), spelled as in the database; check \"include\" and \"exclude\" too");
        }

        if (model.Dialect != Dialect.PostgreSql)
        {
            return;
        }

        foreach (var key in options.Types.Keys.Order(StringComparer.Ordinal))
        {
            var name = PgTypeName.Parse(key);
            var canonical = PostgresTypes.Canonical(name.Name);
            var known = model.FindType(name.Qualified) is not null || (name.Qualified.Schema is null && (PostgresTypes.IsKnown(canonical) || UsedByAColumn(model, canonical)));
            if (!known)
            {
                throw new ConfigurationException(
                    $"codegen: \"types\" names {key}, which is neither a type of the schema nor a built-in type",
                    "use the type's name as the database prints it (e.g. jsonb, timestamptz, citext, app.money_amount)");
            }
        }
    }

    private static bool UsedByAColumn(CodegenModel model, string canonical) =>
        model.Relations.SelectMany(r => r.Columns).Any(c => PostgresTypes.Canonical(PgTypeName.Parse(c.DbType).Name) == canonical);

    private static string Normalise(string key, Dialect dialect)
    {
        if (dialect == Dialect.Sqlite)
        {
            return key.Trim().ToUpperInvariant();
        }

        var name = PgTypeName.Parse(key);
        return name.Qualified.Schema is null ? PostgresTypes.Canonical(name.Name) : name.Qualified.ToString();
    }
}
