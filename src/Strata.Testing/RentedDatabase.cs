namespace Strata.Testing;

/// <summary>
/// One test's database, from <see cref="ITestDatabasePool.RentAsync"/>. Connect with <see cref="ConnectionString"/>;
/// dispose it when the test ends: the pool drops it, or empties the tables the test wrote to and reuses it
/// (<see cref="TestDatabaseOptions.ResetOnReturn"/>). Disposing twice does nothing the second time.
/// </summary>
public sealed class RentedDatabase : IAsyncDisposable
{
    private readonly Func<RentedDatabase, ValueTask> _return;
    private int _disposed;

    internal RentedDatabase(string name, string connectionString, Func<RentedDatabase, ValueTask> onReturn, string? resetMark = null)
    {
        Name = name;
        ConnectionString = connectionString;
        _return = onReturn;
        ResetMark = resetMark;
    }

    /// <summary>The database name (PostgreSQL) or file name (SQLite).</summary>
    public string Name { get; }

    /// <summary>The connection string to this database (Npgsql keywords, or <c>Data Source=…</c> for SQLite); may hold a password.</summary>
    public string ConnectionString { get; }

    /// <summary>Where the reset mode starts looking for writes (the first transaction id after the rent).</summary>
    internal string? ResetMark { get; }

    /// <summary>Returns the database to its pool.</summary>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _disposed, 1) == 0 ? _return(this) : ValueTask.CompletedTask;

    /// <summary>The database name; never the connection string (it may hold a password).</summary>
    public override string ToString() => Name;
}
