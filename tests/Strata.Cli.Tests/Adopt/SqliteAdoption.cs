using Microsoft.Data.Sqlite;

namespace Strata.Cli.Tests.Adopt;

/// <summary>
/// The SQLite adoption story end to end (issue 14 on SQLite): status refuses (exit 2, naming the tool and `strata
/// adopt`), adopt records the history, status is clean, a new migration applies and rolls back, and the other tool's
/// table is unchanged row for row.
/// </summary>
internal static class SqliteAdoption
{
    public static string File(Workspace workspace) => Path.Combine(workspace.Root, "app.db");

    public static void Config(Workspace workspace, string layout) =>
        System.IO.File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), $"{{ \"migrations\": \"migrations\", \"layout\": \"{layout}\" }}");

    public static async Task ExecuteAsync(Workspace workspace, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={File(workspace)};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="table"/>, each value with its SQLite type, sorted: what "unchanged" compares.</summary>
    public static async Task<string> TableTextAsync(Workspace workspace, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={File(workspace)};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : $"{reader.GetDataTypeName(i)}:{Convert.ToString(reader.GetValue(i) is byte[] b ? Convert.ToHexString(b) : reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }

    /// <summary>status refuses, adopt --dry-run then adopt, status clean, then a new migration applies and rolls back; the old table is unchanged.</summary>
    public static async Task<string> AdoptAndContinueAsync(Workspace workspace, string table, string tool, string[] adopted, params (string File, string Text)[] next)
    {
        var before = await TableTextAsync(workspace, table);
        var cli = workspace.Cli();

        var unadopted = await cli.RunAsync("status");
        var dry = await cli.RunAsync("adopt", "--dry-run");
        var adopt = await cli.RunAsync("adopt");
        var status = await cli.RunAsync("status");

        unadopted.ExitCode.ShouldBe(2, unadopted.ToString());
        unadopted.Stderr.ShouldContain($"this database was migrated by another tool: {table} ({tool}: ");
        unadopted.Stderr.ShouldContain($"`strata adopt --from {tool}`");
        dry.ExitCode.ShouldBe(0, dry.ToString());
        dry.Stdout.ShouldContain("nothing was changed");
        adopt.ExitCode.ShouldBe(0, adopt.ToString());
        adopt.Stdout.ShouldContain($"from {tool}'s {table} (left unchanged)");
        foreach (var name in adopted)
        {
            adopt.Stdout.ShouldContain(name);
        }

        status.ExitCode.ShouldBe(0, status.ToString());
        if (next.Length > 0)
        {
            foreach (var (file, text) in next)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(workspace.Migrations, file))!);
                workspace.Write(file, text);
            }

            var migrate = await cli.RunAsync("migrate");
            var rollback = await cli.RunAsync("rollback");
            migrate.ExitCode.ShouldBe(0, migrate.ToString());
            migrate.Stdout.ShouldContain("Applied 1 migration");
            rollback.ExitCode.ShouldBe(0, rollback.ToString());
            rollback.Stdout.ShouldContain("Rolled back 1 migration");
        }

        (await TableTextAsync(workspace, table)).ShouldBe(before, $"{table} is left as the old tool wrote it");
        return adopt.Stdout;
    }
}
