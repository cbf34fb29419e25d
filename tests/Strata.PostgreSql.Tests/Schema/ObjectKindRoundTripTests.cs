using Strata.Schema;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>
/// Every kind of object pg_dump writes, made by hand (Schema/Kinds/*.sql), read by the introspector, rendered into an
/// empty database and taken away again: pg_dump of the copy equals pg_dump of the original object by object
/// (order-insensitive, text-exact), the copy reads back as the same state, and the down script leaves an empty
/// database behind. The CLI path (pull, push, generate, migrate, rollback) is ObjectKindCommandTests in Strata.Cli.Tests.
/// </summary>
[PostgresMatrix]
public sealed class ObjectKindRoundTripTests(ITestOutputHelper output) : PostgresTestBase
{
    public static TheoryData<string> Kinds() => new(ObjectKinds.Names());

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_object_kind_renders_into_an_empty_database_identical_in_pg_dump_and_its_down_script_empties_it(string kind)
    {
        var role = await Database.CreateRoleAsync();
        var (sql, leftOut) = ObjectKinds.Read(kind, await ObjectKinds.ServerVersionAsync(Database), role.Name);
        if (leftOut.Length > 0)
        {
            output.WriteLine("not on this server version:\n" + leftOut);
        }

        await PsqlScript.RunAsync(Database.ConnectionString, sql);
        var original = await SchemaDump.TakeAsync(Database.ConnectionString, Database.Name);
        var state = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);
        state.Unmanaged.ShouldBeEmpty();

        await using var copy = await Server.CreateDatabaseAsync();
        await using var empty = await Server.CreateDatabaseAsync();
        try
        {
            var plan = SchemaDiffer.Plan(DatabaseSchema.Empty, state, PostgreSqlDdlRenderer.Instance);
            output.WriteLine(plan.Up.ToScript());
            await PsqlScript.RunAsync(copy.ConnectionString, plan.Up.ToScript(), singleTransaction: true);
            SchemaDump.Difference(original, await SchemaDump.TakeAsync(copy.ConnectionString, copy.Name)).ShouldBe("");
            var back = await PostgreSqlSchemaIntrospector.ReadAsync(copy.ConnectionString, null, CancellationToken.None);
            SchemaDiffer.Compare(back, state, PostgreSqlDdlRenderer.Instance).ToScript().ShouldBe("");

            await PsqlScript.RunAsync(copy.ConnectionString, plan.Down.ToScript(), singleTransaction: true);
            var emptied = await SchemaDump.TakeAsync(copy.ConnectionString, copy.Name);
            SchemaDump.Difference(await SchemaDump.TakeAsync(empty.ConnectionString, empty.Name), emptied).ShouldBe("");
        }
        finally
        {
            await copy.ExecuteAsync($"DROP OWNED BY \"{role.Name}\"");
        }
    }
}
