using System.Text;
using Strata.Cli.Tests.Postgres;
using Strata.TestSupport;
using Xunit.Abstractions;

namespace Strata.Cli.Tests.Schema;

/// <summary>
/// Every object kind (the hand-made files of Schema/Kinds, each in a schema of its own, in one database) through the
/// commands a user runs: pull, push into an empty database, diff --exit-code; generate, migrate into another empty
/// database, rollback. pg_dump of each copy equals pg_dump of the original object by object, text-exact. The
/// per-kind library round trips are ObjectKindRoundTripTests in Strata.PostgreSql.Tests. Run on every PostgreSQL major
/// (13 to 18): push sends all these kinds in one batch (ADR 026), and pull, generate and migrate go through the
/// version-dependent catalog queries.
/// </summary>
[PostgresMatrix]
public sealed class ObjectKindCommandTests(ITestOutputHelper output) : PostgresCliTest
{
    [Fact]
    public async Task Every_object_kind_survives_pull_push_and_generate_migrate_rollback_identical_in_pg_dump()
    {
        var role = await Database.CreateRoleAsync();
        await PsqlScript.RunAsync(Database.ConnectionString, await AllKindsAsync(role.Name));
        var original = await SchemaDump.TakeAsync(Database.ConnectionString, Database.Name);
        await using var pushed = await Server.CreateDatabaseAsync();
        await using var migrated = await Server.CreateDatabaseAsync();
        await using var empty = await Server.CreateDatabaseAsync();
        try
        {
            var pull = await Cli().RunAsync("pull");
            pull.ExitCode.ShouldBe(0, pull.ToString());
            pull.Stderr.ShouldNotContain("not managed");
            (await Cli().RunAsync("diff", "--exit-code")).ExitCode.ShouldBe(0);

            var push = await CliOn(pushed).RunAsync("push");
            push.ExitCode.ShouldBe(0, push.ToString());
            SchemaDump.Difference(original, await SchemaDump.TakeAsync(pushed.ConnectionString, pushed.Name)).ShouldBe("");
            var pushedDiff = await CliOn(pushed).RunAsync("diff", "--exit-code");
            pushedDiff.ExitCode.ShouldBe(0, pushedDiff.ToString());

            var generate = await CliOn(migrated).RunAsync("generate", "all_kinds", "--sequential");
            generate.ExitCode.ShouldBe(0, generate.ToString());
            var migrate = await CliOn(migrated).RunAsync("migrate");
            migrate.ExitCode.ShouldBe(0, migrate.ToString());
            SchemaDump.Difference(original, (await SchemaDump.TakeAsync(migrated.ConnectionString, migrated.Name)).Without("strata_migrations")).ShouldBe("");
            var migratedDiff = await CliOn(migrated).RunAsync("diff", "--exit-code");
            migratedDiff.ExitCode.ShouldBe(0, migratedDiff.ToString());

            var rollback = await CliOn(migrated).RunAsync("rollback");
            rollback.ExitCode.ShouldBe(0, rollback.ToString());
            var emptied = (await SchemaDump.TakeAsync(migrated.ConnectionString, migrated.Name)).Without("strata_migrations");
            SchemaDump.Difference(await SchemaDump.TakeAsync(empty.ConnectionString, empty.Name), emptied).ShouldBe("");
        }
        finally
        {
            foreach (var database in new[] { pushed, migrated })
            {
                await database.ExecuteAsync($"DROP OWNED BY \"{role.Name}\"");
            }

            // The server's kept scratch database (strata_scratch) replayed the grants to the role too: the wipe drops
            // the objects, and this drops what else the role holds there, so the role itself can be dropped.
            await DropOwnedInKeptScratchAsync(role.Name);
        }
    }

    private async Task DropOwnedInKeptScratchAsync(string role)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString) { Database = "strata_scratch", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.InvalidCatalogName)
        {
            return;
        }

        // Other tests' diff/push take the kept scratch database meanwhile and empty it (cache lookup failed, XX000, when
        // a relation goes mid-statement): hold its lock as they do (KeptScratch: "strata-s"); they use a temporary one then.
        await using var command = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock(8319400174550068595); DROP OWNED BY \"{role}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    private Cli CliOn(TestDatabase database) => new Cli(Workspace.Root).With("DATABASE_URL", PostgresUrl.From(database.ConnectionString));

    /// <summary>Every kind's file, each in a schema of its own (k_kind) so that names do not collide.</summary>
    private async Task<string> AllKindsAsync(string role)
    {
        var version = await ObjectKinds.ServerVersionAsync(Database);
        var sql = new StringBuilder();
        foreach (var kind in ObjectKinds.Names())
        {
            var (text, leftOut) = ObjectKinds.Read(kind, version, role);
            if (leftOut.Length > 0)
            {
                output.WriteLine($"{kind}, not on this server version:\n{leftOut}");
            }

            sql.Append($"CREATE SCHEMA k_{kind};\nSET search_path = k_{kind}, public;\n{text}\nRESET search_path;\n");
        }

        return sql.ToString();
    }
}
