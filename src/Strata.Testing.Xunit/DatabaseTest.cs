using Xunit;

namespace Strata.Testing.Xunit;

/// <summary>
/// Base class for a test class whose every test gets its own migrated database: xunit makes a new instance per
/// test, <see cref="InitializeAsync"/> rents <see cref="Database"/> from the fixture before the test and
/// <see cref="DisposeAsync"/> returns it after (dropped, or reset for the next test).
/// </summary>
/// <typeparam name="TFixture">The fixture holding the pool, shared by the class or collection.</typeparam>
public abstract class DatabaseTest<TFixture> : IAsyncLifetime
    where TFixture : TestDatabaseFixture
{
    private RentedDatabase? _database;

    /// <summary>Keeps the fixture xunit passes to the test class's constructor.</summary>
    protected DatabaseTest(TFixture fixture) => Fixture = fixture;

    /// <summary>The shared fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>This test's database.</summary>
    protected RentedDatabase Database => _database ?? throw new InvalidOperationException("the database is rented in InitializeAsync, before the test runs");

    /// <summary>Rents this test's database.</summary>
    public virtual async Task InitializeAsync() => _database = await Fixture.RentAsync().ConfigureAwait(false);

    /// <summary>Returns this test's database to the pool.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
    }
}
