using System.Globalization;
using Microsoft.Data.Sqlite;
using Strata.Schema;

namespace Strata.Sqlite;

/// <summary>
/// Reads a SQLite database's schema into a <see cref="DatabaseSchema"/>: tables with columns (declared type, NOT NULL,
/// default, generated), primary, unique and foreign keys, checks, indexes, views (with their columns), triggers and
/// virtual tables (their shadow tables left to them): every object <c>sqlite_schema</c> holds. Five set-based queries
/// (<c>sqlite_schema</c> joined with the table-valued pragmas), not one per table. Called by the CLI's schema commands
/// and by lint and verify; SQLite errors surface as <see cref="SqliteException"/>.
/// </summary>
public static class SqliteSchemaIntrospector
{
    private const string UserObjects = "m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

    /// <summary>
    /// Ordinary tables: not a virtual table (whose module the pragmas may not know) and not one of the shadow tables a
    /// virtual table keeps its data in (they come with the virtual table).
    /// </summary>
    private const string OrdinaryTables = "m.type = 'table' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND m.name NOT IN (SELECT t.name FROM pragma_table_list t WHERE t.type = 'shadow')";

    /// <summary>Reads the schema of the database file at <paramref name="path"/> (opened read-only).</summary>
    public static async Task<DatabaseSchema> ReadAsync(string path, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await ReadAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the schema through an open <paramref name="connection"/> (left open).</summary>
    public static async Task<DatabaseSchema> ReadAsync(SqliteConnection connection, SchemaFilter? filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var objects = await QueryAsync(connection, $"""
            SELECT CASE WHEN m.type = 'table' AND m.sql LIKE 'CREATE VIRTUAL TABLE%' THEN 'virtual' ELSE m.type END, m.name, m.tbl_name, m.sql
            FROM sqlite_schema m
            WHERE {UserObjects} AND m.name NOT IN (SELECT t.name FROM pragma_table_list t WHERE t.type = 'shadow')
            ORDER BY m.name
            """, cancellationToken).ConfigureAwait(false);
        var columns = await QueryAsync(connection, $"""
            SELECT m.name, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
            FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
            WHERE {OrdinaryTables} AND {UserObjects} ORDER BY m.name, p.cid
            """, cancellationToken).ConfigureAwait(false);
        var keys = await QueryAsync(connection, $"""
            SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete
            FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f
            WHERE {OrdinaryTables} AND {UserObjects} ORDER BY m.name, f.id, f.seq
            """, cancellationToken).ConfigureAwait(false);
        var uniques = await QueryAsync(connection, $"""
            SELECT m.name, l.name, i.name
            FROM sqlite_schema m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i
            WHERE {OrdinaryTables} AND {UserObjects} AND l.origin = 'u' ORDER BY m.name, l.name, i.seqno
            """, cancellationToken).ConfigureAwait(false);
        var viewColumns = await QueryAsync(connection, $"""
            SELECT m.name, p.name, p.type, p."notnull"
            FROM sqlite_schema m JOIN pragma_table_xinfo(m.name) p
            WHERE m.type = 'view' AND {UserObjects} ORDER BY m.name, p.cid
            """, cancellationToken).ConfigureAwait(false);
        var schema = WithViewColumns(SqliteSchemaRows.Build(objects, columns, keys, uniques), viewColumns);
        return filter is null ? schema : schema.Filter(filter);
    }

    /// <summary>
    /// The state with each view's columns (<see cref="SchemaObject.Columns"/>): the type is what SQLite declares for the
    /// column (the declared type of a table column the view selects directly, else empty). Read by code generation.
    /// </summary>
    private static DatabaseSchema WithViewColumns(DatabaseSchema schema, List<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return schema;
        }

        var byView = rows.GroupBy(r => (string)r[0]!, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ColumnDefinition>)[.. g.Select(r => new ColumnDefinition((string)r[1]!, r[2] as string ?? "", Convert.ToInt64(r[3], CultureInfo.InvariantCulture) != 0))],
            StringComparer.Ordinal);
        var objects = schema.Objects.Select(o => o.Kind == ObjectKind.View && byView.TryGetValue(o.Name.Name, out var found) ? o with { Columns = found } : o);
        return new DatabaseSchema(schema.Tables, objects);
    }

    private static async Task<List<object?[]>> QueryAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<object?[]>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var values = new object?[reader.FieldCount];
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    }

                    rows.Add(values);
                }

                return rows;
            }
        }
    }
}
