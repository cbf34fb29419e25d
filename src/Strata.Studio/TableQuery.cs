namespace Strata.Studio;

/// <summary>
/// The SELECT for a page (or an export) of a table: the page's sort and filters applied to names and operators read
/// from the catalog, every value a parameter (<c>$1</c>, <c>$2</c>, … on both databases). PostgreSQL compares a value as
/// the column's type (<c>cast($1::text as type)</c>); SQLite applies the column's affinity itself.
/// </summary>
internal sealed class TableQuery
{
    private readonly TableShape _shape;
    private readonly bool _postgres;
    private readonly List<string> _where = [];

    public TableQuery(TableShape shape, RowsRequest request, bool postgres)
    {
        _shape = shape;
        _postgres = postgres;
        SortColumn = request.Sort is null ? null : shape.Column(request.Sort);
        if (SortColumn is { Sortable: false })
        {
            throw new StudioRequestException($"{SortColumn.Name} ({SortColumn.Type}) cannot be sorted by");
        }

        foreach (var filter in request.Filters ?? [])
        {
            _where.Add(Filter(shape.Column(filter.Column), filter));
        }

        Desc = request.Desc;
    }

    /// <summary>The values of <c>$1</c>, <c>$2</c>, … in order (text, or null).</summary>
    public List<string?> Parameters { get; } = [];

    public ColumnShape? SortColumn { get; }

    public bool Desc { get; }

    /// <summary>Leading text values of each row before the cells: the sort value (when sorted by a column and keyed), then the keys.</summary>
    public int Prefix => (SortColumn is not null && _shape.Keyed ? 1 : 0) + _shape.Keys.Count;

    public static string Ref(string column) => "r." + Identifiers.Quote(column);

    /// <summary>The statement: <paramref name="cells"/> after the prefix, continued after <paramref name="after"/> (keyset) or at an offset.</summary>
    public string Sql(IEnumerable<string> cells, IReadOnlyList<string?>? after, long offset, int? limit)
    {
        var prefix = new List<string>();
        if (SortColumn is not null && _shape.Keyed)
        {
            prefix.Add(AsText(Ref(SortColumn.Name)));
        }

        prefix.AddRange(_shape.Keys.Select(k => AsText(k.Expression)));
        var where = new List<string>(_where);
        if (_shape.Keyed && after is { Count: > 0 })
        {
            where.Add(After(after));
        }

        var order = _shape.Keys.Select(k => k.Expression).ToList();
        if (SortColumn is not null)
        {
            order.Insert(0, Ref(SortColumn.Name) + (Desc ? " desc" : "") + " nulls last");
        }

        var sql = $"select {string.Join(", ", prefix.Concat(cells))} from {From()} as r";
        sql += where.Count > 0 ? " where " + string.Join(" and ", where) : "";
        sql += order.Count > 0 ? " order by " + string.Join(", ", order) : "";
        sql += limit is { } l ? $" limit {l}" : "";
        return sql + (!_shape.Keyed && offset > 0 && limit is not null ? $" offset {offset}" : "");
    }

    /// <summary>One value of the row with these key values.</summary>
    public string ByKey(string value, IReadOnlyList<string?> key)
    {
        if (!_shape.Keyed || key.Count != _shape.Keys.Count)
        {
            throw new StudioRequestException($"{_shape.Name} has no key to find a row by (it pages by {_shape.Paging})");
        }

        var where = string.Join(" and ", _shape.Keys.Select((k, i) => $"{k.Expression} = {Parameter(key[i], k.Type)}"));
        return $"select {value} from {From()} as r where {where} limit 1";
    }

    private string From() => _postgres ? Identifiers.Quote(_shape.Schema) + "." + Identifiers.Quote(_shape.Name) : Identifiers.Quote(_shape.Name);

    private string AsText(string expression) => _postgres ? expression + "::text" : $"cast({expression} as text)";

    private string Parameter(string? value, string type)
    {
        Parameters.Add(value);
        return _postgres ? $"cast(${Parameters.Count}::text as {type})" : "$" + Parameters.Count;
    }

    private string After(IReadOnlyList<string?> after)
    {
        if (after.Count != Prefix)
        {
            throw new StudioRequestException($"the page key has {after.Count} value(s) but {_shape.Name} pages by {Prefix}");
        }

        var keys = after.Skip(Prefix - _shape.Keys.Count).ToList();
        var left = string.Join(", ", _shape.Keys.Select(k => k.Expression));
        var right = string.Join(", ", _shape.Keys.Select((k, i) => Parameter(keys[i], k.Type)));
        var keyAfter = _shape.Keys.Count == 1 ? $"{left} > {right}" : $"({left}) > ({right})";
        if (SortColumn is null)
        {
            return keyAfter;
        }

        var sort = Ref(SortColumn.Name);
        if (after[0] is null)
        {
            return $"({sort} is null and {keyAfter})";
        }

        var value = Parameter(after[0], SortColumn.Type);
        // The same value again, for the tie on the sort column (a parameter is used once, for SQLite's sake).
        var again = Parameter(after[0], SortColumn.Type);
        return $"({sort} {(Desc ? "<" : ">")} {value} or ({sort} = {again} and {keyAfter}) or {sort} is null)";
    }

    private string Filter(ColumnShape column, FilterJson filter)
    {
        var target = Ref(column.Name);
        string Compare(string op) => filter.Value is null
            ? throw new StudioRequestException($"the filter on {column.Name} needs a value")
            : $"{target} {op} {Parameter(!_postgres && column.Class == ValueClass.Boolean ? filter.Value switch { "true" => "1", "false" => "0", var v => v } : filter.Value, column.Type)}";
        return filter.Op switch
        {
            "null" => $"{target} is null",
            "notnull" => $"{target} is not null",
            "contains" when column.Class is not ValueClass.Binary => Contains(target, filter.Value ?? ""),
            "eq" when column.Class is not (ValueClass.Binary or ValueClass.Json) => Compare("="),
            "ne" when column.Class is not (ValueClass.Binary or ValueClass.Json) => Compare("<>"),
            "lt" or "le" or "gt" or "ge" when column.Class is ValueClass.Number or ValueClass.Date or ValueClass.Text or ValueClass.Enum =>
                Compare(filter.Op switch { "lt" => "<", "le" => "<=", "gt" => ">", _ => ">=" }),
            _ => throw new StudioRequestException($"the filter '{filter.Op}' does not apply to {column.Name} ({column.Type})"),
        };
    }

    private string Contains(string target, string value)
    {
        Parameters.Add(value);
        return _postgres
            ? $"strpos(lower({target}::text), lower(${Parameters.Count}::text)) > 0"
            : $"instr(lower(cast({target} as text)), lower(${Parameters.Count})) > 0";
    }
}
