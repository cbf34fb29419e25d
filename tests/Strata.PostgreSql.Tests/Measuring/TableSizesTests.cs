using Npgsql;
using Strata.Errors;
using Strata.PostgreSql.Measuring;
using Strata.Schema;

namespace Strata.PostgreSql.Tests.Measuring;

/// <summary>
/// <see cref="TableSizes"/> (lint <c>--against</c>) reads sizes from the catalogs, and its driver failures are Strata's
/// errors inside the dialect, so the caller (the CLI) needs no driver knowledge.
/// </summary>
public sealed class TableSizesTests : DialectTest
{
    [Fact]
    public async Task Sizes_are_read_for_the_tables_the_target_has_and_absent_ones_are_left_out()
    {
        await Database.ExecuteAsync("CREATE TABLE sized (id int); INSERT INTO sized SELECT generate_series(1, 100); ANALYZE sized;");

        var sizes = await TableSizes.ReadAsync(Database.ConnectionString, "the target", [new QualifiedName("public", "sized"), new QualifiedName("public", "absent")], CancellationToken.None);

        sizes.Keys.ShouldBe([new QualifiedName("public", "sized")]);
        sizes[new QualifiedName("public", "sized")].Rows.ShouldBe(100);
    }

    [Fact]
    public async Task An_unreachable_target_is_a_database_unavailable_error_naming_it()
    {
        var closed = new NpgsqlConnectionStringBuilder(Database.ConnectionString) { Host = "127.0.0.1", Port = 1, Timeout = 5 }.ConnectionString;

        var error = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => TableSizes.ReadAsync(closed, "postgres://app@127.0.0.1:1/shop", [new QualifiedName("public", "t")], CancellationToken.None));

        error.Message.ShouldStartWith("cannot read the table sizes of postgres://app@127.0.0.1:1/shop: ");
        error.Hint.ShouldBe("check that the --against database is reachable and that the role may read pg_class and pg_stat_user_tables");
    }
}
