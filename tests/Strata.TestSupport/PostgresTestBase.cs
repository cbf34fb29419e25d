using Xunit;

namespace Strata.TestSupport;

/// <summary>
/// Base for test classes that need PostgreSQL: every test gets its own empty <see cref="Database"/> on the
/// process-wide <see cref="PostgresServer.SharedAsync"/> server, returned after the test (and dropped in the
/// background). Test classes still run in
/// parallel with each other (xunit runs each class as its own collection).
/// </summary>
public abstract class PostgresTestBase : IAsyncLifetime
{
    private PostgresServer? _server;
    private TestDatabase? _database;

    /// <summary>The shared server.</summary>
    protected PostgresServer Server => _server ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>This test's database.</summary>
    protected TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run");

    /// <summary>Starts (or reuses) the shared server and creates this test's database.</summary>
    public virtual async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync();
    }

    /// <summary>Returns this test's database (see <see cref="TestDatabase.DisposeAsync"/>).</summary>
    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
