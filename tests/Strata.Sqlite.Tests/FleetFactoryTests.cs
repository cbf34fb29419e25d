using Strata.Configuration;

namespace Strata.Sqlite.Tests;

/// <summary>
/// What a fleet run asks SQLite's factory through the <see cref="DialectSet"/> (as the CLI does): SQLite has no server
/// whose connections run out and no schemas, so it reports no headroom and no schema-histories reader, and touches no file.
/// </summary>
public sealed class FleetFactoryTests : IDisposable
{
    private static readonly DialectSet Set = new(SqliteDialect.Factory);
    private readonly string _folder = Directory.CreateTempSubdirectory("strata-fleet-").FullName;

    [Fact]
    public async Task Sqlite_has_no_connection_headroom_and_the_file_is_not_created()
    {
        var target = Set.Parse("sqlite:tenant.db", _folder);

        var headroom = await Set.ReadConnectionHeadroomAsync(target);

        headroom.ShouldBeNull();
        File.Exists(Path.Combine(_folder, "tenant.db")).ShouldBeFalse();
    }

    [Fact]
    public void Sqlite_has_no_schema_histories_reader()
    {
        Set.CreateSchemaHistories(Set.Parse("sqlite:tenant.db", _folder)).ShouldBeNull();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
