namespace Strata.Schema;

/// <summary>
/// Strata's own history schema (the configured <c>history.schema</c>, e.g. <c>kortix_migrations</c>) in schema states:
/// Strata creates it when it first migrates a database and it holds the history tables, which every state leaves out
/// (<see cref="SchemaFilter.ExcludedTables"/>). The schema itself is never part of a diff either: never dropped (the
/// history would go with it), never created by a migration (Strata creates it before any migration runs). Called by the
/// CLI's <c>diff</c>, <c>generate</c>, <c>push</c> and <c>verify</c> (<see cref="Align"/>) and by <c>pull</c> and
/// <c>dump</c> (<see cref="WithoutEmpty"/>).
/// </summary>
public static class HistorySchema
{
    /// <summary>
    /// <paramref name="state"/> without the schema named <paramref name="schema"/> when nothing else in the state lives in
    /// it (no table, no other object, no extension); unchanged when <paramref name="schema"/> is null (the dialect's
    /// default schema) or the schema holds something of the user's.
    /// </summary>
    public static DatabaseSchema WithoutEmpty(DatabaseSchema state, string? schema)
    {
        ArgumentNullException.ThrowIfNull(state);
        return schema is null || Holds(state, schema) ? state : Without(state, schema);
    }

    /// <summary>
    /// The two states of a comparison with the history schema out of it: when <paramref name="current"/> has the schema,
    /// neither side keeps it (it exists wherever the change will run); otherwise <paramref name="desired"/> keeps it
    /// only when something of the user's lives in it, so that it is created for that.
    /// </summary>
    public static (DatabaseSchema Current, DatabaseSchema Desired) Align(DatabaseSchema current, DatabaseSchema desired, string? schema)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        if (schema is null)
        {
            return (current, desired);
        }

        return Has(current, schema)
            ? (Without(current, schema), Without(desired, schema))
            : (current, WithoutEmpty(desired, schema));
    }

    private static bool Has(DatabaseSchema state, string schema) => state.Objects.Any(o => IsSchema(o, schema));

    private static bool IsSchema(SchemaObject item, string schema) => item.Kind == ObjectKind.Schema && item.Name.Name == schema;

    private static bool Holds(DatabaseSchema state, string schema) =>
        state.Tables.Any(t => t.Name.Schema == schema)
        || state.Objects.Any(o => o.Kind == ObjectKind.Extension ? o.Definition == schema : o.Kind != ObjectKind.Schema && (o.Name.Schema == schema || o.Table?.Schema == schema));

    private static DatabaseSchema Without(DatabaseSchema state, string schema) =>
        Has(state, schema) ? new DatabaseSchema(state.Tables, state.Objects.Where(o => !IsSchema(o, schema)), state.Unmanaged) : state;
}
