using Strata.Errors;

namespace Strata.History;

/// <summary>
/// Where the history lives: a table name and an optional schema (null: the dialect's default, <c>public</c> on
/// PostgreSQL). Both are validated here and always quoted when rendered, so a hostile name cannot inject SQL.
/// </summary>
public sealed record HistoryTableName
{
    /// <summary>The table Strata creates and uses when no name is configured.</summary>
    public const string DefaultTable = "strata_migrations";

    /// <summary>Creates a validated name; throws <see cref="ConfigurationException"/> on an unusable identifier.</summary>
    public HistoryTableName(string table = DefaultTable, string? schema = null)
    {
        Table = Validate(table, "history table");
        Schema = schema is null ? null : Validate(schema, "history schema");
    }

    /// <summary>The table name, unquoted (dialects quote it when rendering SQL).</summary>
    public string Table { get; }

    /// <summary>The schema, unquoted, or null for the dialect default.</summary>
    public string? Schema { get; }

    /// <summary>The name of the companion audit table (repairs, marks, baselines, rollbacks).</summary>
    public string AuditTable => Table + "_audit";

    /// <inheritdoc />
    public override string ToString() => Schema is null ? Table : Schema + "." + Table;

    private static string Validate(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ConfigurationException($"the {what} name is empty", "set a name such as strata_migrations in strata.json (history.table)");
        }

        if (name.Any(char.IsControl))
        {
            throw new ConfigurationException($"the {what} name contains a control character", "use letters, digits and underscores");
        }

        // PostgreSQL truncates identifiers at 63 bytes; the audit table adds 6, so the table name may use 57.
        if (System.Text.Encoding.UTF8.GetByteCount(name) > 57)
        {
            throw new ConfigurationException($"the {what} name '{name}' is longer than 57 bytes", "PostgreSQL truncates identifiers at 63 bytes; choose a shorter name");
        }

        return name;
    }
}
