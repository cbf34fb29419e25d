using Npgsql;
using Strata.Execution;
using Strata.Planning;
using Strata.PostgreSql;
using Strata.Sources;
using Strata.Sources.Layouts;

namespace Strata.Corpus;

/// <summary>
/// One folder: psql applies each migration's up script in Strata's order (<c>psql -v ON_ERROR_STOP=1 -f</c>, with
/// <c>--single-transaction</c> when the tool runs the migration in a transaction, the script as the layout reader
/// cut it out of the tool's file) on one fresh database, Strata migrates another as far as psql got, and their
/// <c>pg_dump --schema-only</c> must be identical; then both roll back the newest applied migrations that have down
/// scripts (psql running the down scripts newest first, Strata as many as psql managed) and are compared again.
/// </summary>
internal sealed class FolderRun(Psql psql, NpgsqlDataSource admin, Func<string, string> connectionString, string major)
{
    public async Task<CorpusRow> RunAsync(CorpusEntry entry, int number)
    {
        var layout = LayoutDetector.Detect(entry.Folder) ?? MigrationLayout.Strata;
        var source = new DirectoryMigrationSource(entry.Folder) { Layout = layout };
        var row = new CorpusRow(entry.Project, LayoutReaders.NameOf(layout), major);
        IReadOnlyList<Migration> migrations;
        try
        {
            migrations = await source.LoadAsync(Dialect.PostgreSql, CancellationToken.None);
        }
        catch (Errors.StrataException e)
        {
            Console.Error.WriteLine(e.Message);
            return row with { Up = $"Strata refuses the folder: {First(e.Message)}", Identical = "**no**" };
        }

        row = row with { Migrations = migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var (p, s) = ($"corpus{number}_psql", $"corpus{number}_strata");
        await ResetAsync(p);
        await ResetAsync(s);
        try
        {
            return await CompareAsync(row, migrations, source, p, s);
        }
        finally
        {
            await DropAsync(p);
            await DropAsync(s);
        }
    }

    private async Task<CorpusRow> CompareAsync(CorpusRow row, IReadOnlyList<Migration> migrations, DirectoryMigrationSource source, string p, string s)
    {
        var (applied, psqlError) = await PsqlAsync(p, migrations.Select(m => (m.DisplayName, m.Up)));
        var upTo = applied == migrations.Count ? null : migrations.Take(applied).LastOrDefault(m => m.Version is not null)?.Version;
        row = row with { Up = psqlError is null ? $"{applied} / {applied}" : $"{applied} (then {psqlError}) / {applied}" };
        if (applied == 0)
        {
            return row with { Identical = "n/a (psql applies none)" };
        }

        var migrator = new Migrator(new PostgreSqlDialect(connectionString(s)), source, new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(30) });
        try
        {
            await migrator.MigrateAsync(new MigrateOptions { Target = upTo });
        }
        catch (Errors.StrataException e)
        {
            return row with { Up = $"{applied} / Strata fails: {First(e.Message)}", Identical = "**no**" };
        }

        var upSame = await psql.SchemaAsync(p) == await psql.SchemaAsync(s);
        var downs = migrations.Take(applied).Where(m => m.Kind == MigrationKind.Versioned).Reverse().TakeWhile(m => m.Down is not null).ToList();
        if (downs.Count == 0)
        {
            return row with { Down = "no down scripts", Identical = upSame ? "yes" : "**no** (up)" };
        }

        var (undone, downError) = await PsqlAsync(p, downs.Select(m => (m.DisplayName + " (down)", m.Down!)));
        row = row with { Down = downError is null ? $"{undone} / {undone}" : $"{undone} (then {downError}) / {undone}" };
        try
        {
            await migrator.RollbackAsync(new RollbackOptions { Steps = undone });
        }
        catch (Errors.StrataException e)
        {
            return row with { Down = $"{undone} / Strata fails: {First(e.Message)}", Identical = upSame ? "**no** (down)" : "**no** (up, down)" };
        }

        var downSame = undone == 0 || await psql.SchemaAsync(p) == await psql.SchemaAsync(s);
        return row with { Identical = upSame && downSame ? "yes" : $"**no** ({(upSame ? "" : "up ")}{(downSame ? "" : "down")})" };
    }

    /// <summary>Runs the scripts in order with psql; how many succeeded and the first error (null when all did).</summary>
    private async Task<(int Done, string? Error)> PsqlAsync(string database, IEnumerable<(string Name, MigrationScript Script)> scripts)
    {
        var file = Path.GetTempFileName();
        var done = 0;
        try
        {
            foreach (var (name, script) in scripts)
            {
                if (script is SqlScript sql)
                {
                    await File.WriteAllTextAsync(file, sql.Sql);
                    if (await psql.RunFileAsync(database, file, singleTransaction: sql.Transactional) is { } error)
                    {
                        return (done, $"psql fails at {name}: {First(error)}");
                    }
                }

                done++;
            }

            return (done, null);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task ResetAsync(string database)
    {
        await DropAsync(database);
        await using var create = admin.CreateCommand($"CREATE DATABASE \"{database}\" TEMPLATE template0");
        await create.ExecuteNonQueryAsync();
    }

    private async Task DropAsync(string database)
    {
        NpgsqlConnection.ClearAllPools();
        await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The line that says what went wrong (psql's ERROR line, not the notices before it), shortened for a table cell.</summary>
    internal static string First(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var line = lines.FirstOrDefault(l => l.Contains("ERROR:", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "";
        line = System.Text.RegularExpressions.Regex.Replace(line, @"psql:[^:]+:(\d+): ", "line $1: ").Replace("|", "\\|", StringComparison.Ordinal);
        return line.Length > 140 ? line[..140] + "…" : line;
    }
}
