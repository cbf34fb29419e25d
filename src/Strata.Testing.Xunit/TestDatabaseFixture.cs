using Xunit;

namespace Strata.Testing.Xunit;

/// <summary>
/// An xunit class or collection fixture holding one <see cref="ITestDatabasePool"/>: subclass it, return the pool
/// from <see cref="CreatePool"/>, and use it with <c>IClassFixture&lt;T&gt;</c> or <c>ICollectionFixture&lt;T&gt;</c>.
/// xunit calls <see cref="InitializeAsync"/> before the first test of the class (or collection), which migrates
/// the template (a failing migration fails those tests with its message), and <see cref="DisposeAsync"/> after the
/// last, which drops the clones the pool holds.
/// </summary>
public abstract class TestDatabaseFixture : IAsyncLifetime
{
    private ITestDatabasePool? _pool;

    /// <summary>The pool; available once xunit has initialised the fixture.</summary>
    public ITestDatabasePool Pool => _pool ?? throw new InvalidOperationException("the fixture is not initialised yet: xunit calls InitializeAsync before the tests");

    /// <summary>A database of its own for one test; dispose it after the test (see <see cref="DatabaseTest{TFixture}"/>).</summary>
    public Task<RentedDatabase> RentAsync(CancellationToken cancellationToken = default) => Pool.RentAsync(cancellationToken);

    /// <summary>Creates the pool, e.g. <c>TestDatabases.ForPostgres(connectionString, new DirectoryMigrationSource("migrations"))</c>.</summary>
    protected abstract ITestDatabasePool CreatePool();

    /// <summary>Creates the pool and migrates its template.</summary>
    public async Task InitializeAsync()
    {
        _pool = CreatePool();
        await _pool.EnsureTemplateAsync().ConfigureAwait(false);
    }

    /// <summary>Disposes the pool.</summary>
    public async Task DisposeAsync()
    {
        if (_pool is not null)
        {
            await _pool.DisposeAsync().ConfigureAwait(false);
        }
    }
}
