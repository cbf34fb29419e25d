using Strata.Schema;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Schema;

/// <summary>
/// User-defined casts read from pg_cast: every method and context, types and function qualified and quoted as pg_dump
/// writes them, the comment, what each depends on; casts an extension brings and a range type's own multirange casts
/// are left out, and none is listed as not managed.
/// </summary>
[PostgresMatrix]
public sealed class CastIntrospectionTests : PostgresTestBase
{
    private const string Casts = """
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE SCHEMA app;
        CREATE TYPE app.label AS ENUM ('low', 'high');
        CREATE TYPE app."Mood" AS ENUM ('sad', 'ok');
        CREATE TYPE app.amount AS (value numeric, currency text);
        CREATE TABLE app.account (id int PRIMARY KEY, balance numeric);
        CREATE FUNCTION app.account_amount(app.account) RETURNS app.amount LANGUAGE sql IMMUTABLE AS 'SELECT ROW($1.balance, ''EUR'')::app.amount';
        CREATE CAST (app.account AS app.amount) WITH FUNCTION app.account_amount(app.account) AS IMPLICIT;
        COMMENT ON CAST (app.account AS app.amount) IS 'an account''s balance';
        CREATE CAST (app.label AS text) WITH INOUT AS ASSIGNMENT;
        CREATE CAST (text AS app.label) WITH INOUT;
        CREATE CAST (app."Mood" AS app.label) WITH INOUT;
        CREATE CAST (cid AS integer) WITHOUT FUNCTION AS ASSIGNMENT;
        CREATE TYPE app.span AS RANGE (subtype = int);
        """;

    [Fact]
    public async Task User_defined_casts_are_read_with_method_context_comment_and_dependencies_and_extension_casts_are_left_out()
    {
        await Database.ExecuteAsync(Casts);

        var state = await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None);

        state.Unmanaged.ShouldBeEmpty();
        var casts = state.Objects.Where(o => o.Kind is ObjectKind.Cast).ToList();
        casts.Select(c => c.Definition).ShouldBe([
            "CREATE CAST (app.\"Mood\" AS app.label) WITH INOUT",
            "CREATE CAST (app.account AS app.amount) WITH FUNCTION app.account_amount(app.account) AS IMPLICIT",
            "CREATE CAST (app.label AS text) WITH INOUT AS ASSIGNMENT",
            "CREATE CAST (cid AS integer) WITHOUT FUNCTION AS ASSIGNMENT",
            "CREATE CAST (text AS app.label) WITH INOUT",
        ]);
        var account = casts[1];
        account.Name.ShouldBe(new QualifiedName(null, "(app.account AS app.amount)"));
        account.Comment.ShouldBe("an account's balance");
        account.DependsOn.ShouldBe([new QualifiedName("app", "account"), new QualifiedName("app", "account_amount"), new QualifiedName("app", "amount")]);
        casts[3].DependsOn.ShouldBeEmpty();
    }

    [Fact]
    public async Task Casts_added_to_a_database_come_out_of_the_diff_as_created_and_read_back_the_same()
    {
        await using var target = await Server.CreateDatabaseAsync();
        await target.ExecuteAsync(Casts);
        var to = await PostgreSqlSchemaIntrospector.ReadAsync(target.ConnectionString, null, CancellationToken.None);
        await Database.ExecuteAsync(Casts[..Casts.IndexOf("CREATE CAST", StringComparison.Ordinal)]);

        var diff = SchemaDiffer.Compare(await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), to, PostgreSqlDdlRenderer.Instance);

        diff.Changes.Select(c => c.Summary).ShouldBe([
            "create cast (app.\"Mood\" AS app.label)",
            "create cast (app.account AS app.amount)",
            "create cast (app.label AS text)",
            "create cast (cid AS integer)",
            "create cast (text AS app.label)",
            "create range type app.span",
        ], ignoreOrder: true);
        await SchemaRoundTripTests.ApplyAsync(Database, diff);
        SchemaDiffer.Compare(await PostgreSqlSchemaIntrospector.ReadAsync(Database.ConnectionString, null, CancellationToken.None), to, PostgreSqlDdlRenderer.Instance).IsEmpty.ShouldBeTrue();
    }
}
