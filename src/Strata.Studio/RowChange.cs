namespace Strata.Studio;

/// <summary>
/// The statement of one row change from the page (write mode): UPDATE or DELETE of the row with these key values, or an
/// INSERT. Names come from the catalog (the page's names are looked up first), every value is a parameter cast to the
/// column's type (PostgreSQL) or given to SQLite's affinity. An UPDATE or DELETE must touch exactly one row.
/// </summary>
internal sealed class RowChange
{
    private RowChange(string sql, List<string?> parameters, bool oneRow)
    {
        Sql = sql;
        Parameters = parameters;
        OneRow = oneRow;
    }

    public string Sql { get; }

    public List<string?> Parameters { get; }

    /// <summary>The change must affect exactly one row (an UPDATE or DELETE by key), else it is rolled back.</summary>
    public bool OneRow { get; }

    public static RowChange Build(TableShape shape, EditRequest request, bool postgres)
    {
        var parameters = new List<string?>();
        string Value(ColumnShape column, string? value)
        {
            parameters.Add(value);
            return postgres ? $"cast(${parameters.Count}::text as {column.Type})" : "$" + parameters.Count;
        }

        var table = postgres ? Identifiers.Quote(shape.Schema) + "." + Identifiers.Quote(shape.Name) : Identifiers.Quote(shape.Name);
        var values = (request.Values ?? new Dictionary<string, string?>()).Select(v => (Column: shape.Column(v.Key), v.Value)).ToList();
        switch (request.Action)
        {
            case "insert":
                return new RowChange(values.Count == 0
                    ? $"insert into {table} default values"
                    : $"insert into {table} ({string.Join(", ", values.Select(v => Identifiers.Quote(v.Column.Name)))}) values ({string.Join(", ", values.Select(v => Value(v.Column, v.Value)))})",
                    parameters, oneRow: false);
            case "update" when values.Count == 0:
                throw new StudioRequestException("nothing to change: edit a value first");
            case "update":
                var set = string.Join(", ", values.Select(v => $"{Identifiers.Quote(v.Column.Name)} = {Value(v.Column, v.Value)}"));
                return new RowChange($"update {table} as r set {set} where {Where(shape, request, parameters, postgres)}", parameters, oneRow: true);
            case "delete":
                return new RowChange($"delete from {table} as r where {Where(shape, request, parameters, postgres)}", parameters, oneRow: true);
            default:
                throw new StudioRequestException("the action is update, insert or delete");
        }
    }

    private static string Where(TableShape shape, EditRequest request, List<string?> parameters, bool postgres)
    {
        if (!shape.Keyed || request.Key is null || request.Key.Count != shape.Keys.Count)
        {
            throw new StudioRequestException($"{shape.Name} has no key to find the row by (it pages by {shape.Paging}): change it with a statement in the SQL console");
        }

        return string.Join(" and ", shape.Keys.Select((k, i) =>
        {
            parameters.Add(request.Key[i]);
            return $"{k.Expression} = " + (postgres ? $"cast(${parameters.Count}::text as {k.Type})" : "$" + parameters.Count);
        }));
    }
}
