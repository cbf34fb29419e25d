namespace Strata.Studio;

/// <summary>What the page asks of a database: its tables, a page of rows, and one console statement.</summary>
internal interface IStudioDatabase : IAsyncDisposable
{
    /// <summary>Connects once, so an unreachable server or a missing SQLite file is reported before the page opens.</summary>
    Task CheckAsync(CancellationToken ct);

    /// <summary>Tables and views with estimated row counts (never a full count of a big table).</summary>
    Task<IReadOnlyList<TableJson>> TablesAsync(CancellationToken ct);

    /// <summary>Every table's structure (columns, indexes, constraints, foreign keys, triggers), from the catalog only.</summary>
    Task<List<TableSchemaJson>> SchemaAsync(CancellationToken ct);

    /// <summary>Who holds the migration lock of this history table right now (PostgreSQL); SQLite says it has none.</summary>
    Task<LockJson> LockAsync(Strata.History.HistoryTableName history, CancellationToken ct);

    /// <summary>One page of a table in key order, after the key of the last row seen.</summary>
    Task<Grid> RowsAsync(RowsRequest request, int pageSize, CancellationToken ct);

    /// <summary>Every row of the table view (the page's filters and sort, no paging) written to <paramref name="body"/> as it is read.</summary>
    Task ExportAsync(RowsRequest request, string format, Stream body, CancellationToken ct);

    /// <summary>One whole value of one row, found by its key; false when the row is gone.</summary>
    Task<bool> CellAsync(CellRequest request, Func<ColumnShape, Stream, Task> write, CancellationToken ct);

    /// <summary>
    /// The statement of one row change; when <paramref name="apply"/>, runs it in a transaction (read-only unless
    /// <paramref name="write"/>, so the database refuses it then) that commits only if exactly the expected rows changed.
    /// </summary>
    Task<EditJson> EditAsync(EditRequest request, bool apply, bool write, CancellationToken ct);

    /// <summary>
    /// Runs one console statement: in read-only mode the database itself refuses any write (see the implementations);
    /// at most <paramref name="maxRows"/> rows are read.
    /// </summary>
    Task<Grid> QueryAsync(string sql, bool write, int maxRows, CancellationToken ct);
}
