using Strata.History;

namespace Strata.PostgreSql;

/// <summary>
/// The quoted, schema-qualified names of the history objects, with the schema resolved (the configured one, or
/// the connection's <c>current_schema()</c>). Every name in Strata's SQL comes from here.
/// </summary>
internal sealed class HistoryNames
{
    public HistoryNames(HistoryTableName configured, string schema)
    {
        Configured = configured;
        Schema = schema;
        QuotedSchema = SqlText.Quote(schema);
        Table = QuotedSchema + "." + SqlText.Quote(configured.Table);
        Audit = QuotedSchema + "." + SqlText.Quote(configured.AuditTable);
        VersionIndex = SqlText.Quote(configured.Table + "_vkey");
        NameIndex = SqlText.Quote(configured.Table + "_rkey");
    }

    /// <summary>The table name as configured.</summary>
    public HistoryTableName Configured { get; }

    /// <summary>The schema the history lives in, unquoted.</summary>
    public string Schema { get; }

    /// <summary>The quoted schema.</summary>
    public string QuotedSchema { get; }

    /// <summary>The quoted, qualified history table; also the text handed to <c>to_regclass</c>.</summary>
    public string Table { get; }

    /// <summary>The quoted, qualified audit table.</summary>
    public string Audit { get; }

    /// <summary>The quoted name of the unique index on <c>version</c>.</summary>
    public string VersionIndex { get; }

    /// <summary>The quoted name of the partial unique index on <c>name</c> for repeatables.</summary>
    public string NameIndex { get; }

    /// <summary><c>schema.table</c> unquoted, for messages.</summary>
    public string Display => Schema + "." + Configured.Table;
}
